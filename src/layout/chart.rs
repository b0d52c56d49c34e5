//! The diary's bar chart, drawn with lines and rectangles, and the words it stands for.

use super::*;

/// The value axis: a tick every `step` from zero up to `top`, each with its label.
struct Ticks {
    step: f32,
    top: f32,
    labels: Vec<String>,
}

/// Where the bars stand, in points from the chart's top left, and the type the chart's
/// words are set in.
struct Plot {
    left: f32,
    right: f32,
    top: f32,
    bottom: f32,
    /// Points a unit of value.
    scale: f32,
    size: f32,
    line_h: f32,
}

impl Builder<'_> {
    pub(super) fn chart(&mut self, chart: &BarChart) {
        let s = self.style;
        let size = s.footer.max(s.body * 0.8);
        let line_h = s.line(size);
        let height = match (chart.small, s.body > 12.0) {
            (true, true) => 96.0,
            (true, false) => 64.0,
            (false, true) => 230.0,
            (false, false) => 170.0,
        };
        let mut slab = Slab {
            height,
            gap: s.body * 0.6,
            ..Slab::default()
        };
        push_text(
            &mut slab.items,
            self.fonts,
            self.left,
            baseline_in(line_h, size),
            size,
            Weight::Bold,
            &chart.caption,
        );
        let ticks = value_ticks(chart);
        let plot = self.plot_area(chart, &ticks, size, line_h, height);
        self.draw_value_axis(&mut slab.items, chart, &ticks, &plot);
        self.draw_bars(&mut slab.items, chart, &plot);
        let figure = self.node(Role::Figure);
        self.tree.node_mut(figure).alt = Some(chart_alt(chart));
        self.push(slab.marked(Mark::Content(figure)));
    }

    /// The room left for the bars once the caption, the axis label and the tick labels
    /// have theirs.
    fn plot_area(
        &self,
        chart: &BarChart,
        ticks: &Ticks,
        size: f32,
        line_h: f32,
        height: f32,
    ) -> Plot {
        let axis_label_w = ticks
            .labels
            .iter()
            .map(|t| text_width(self.fonts, t, Weight::Regular, size))
            .fold(0.0, f32::max);
        // Caption, then the axis label, then room for the count above the tallest bar.
        let top = if chart.small {
            line_h + size * 1.2
        } else {
            line_h * 2.0 + size * 1.4
        };
        let bottom = height - line_h * 1.4;
        Plot {
            left: self.left + axis_label_w + size * 0.6,
            right: self.left + self.width,
            top,
            bottom,
            scale: (bottom - top) / ticks.top,
            size,
            line_h,
        }
    }

    /// The value axis: a rule and a label at each tick, the axis label, and the axis line.
    fn draw_value_axis(&self, items: &mut Vec<Item>, chart: &BarChart, ticks: &Ticks, plot: &Plot) {
        let size = plot.size;
        for (i, label) in ticks.labels.iter().enumerate() {
            let v = i as f32 * ticks.step;
            let y = plot.bottom - v * plot.scale;
            items.push(Item::Line {
                from: (plot.left, y),
                to: (plot.right, y),
                width: 0.4,
                grey: if i == 0 { 0.0 } else { 0.75 },
            });
            let w = text_width(self.fonts, label, Weight::Regular, size);
            push_text(
                items,
                self.fonts,
                plot.left - size * 0.4 - w,
                y + size * 0.35,
                size,
                Weight::Regular,
                label,
            );
        }
        // A small chart has no room for the axis label; its caption says what is counted.
        if !chart.small {
            push_text(
                items,
                self.fonts,
                self.left,
                plot.line_h + baseline_in(plot.line_h, size),
                size,
                Weight::Regular,
                &chart.y_label,
            );
        }
        items.push(Item::Line {
            from: (plot.left, plot.top),
            to: (plot.left, plot.bottom),
            width: 0.8,
            grey: 0.0,
        });
    }

    /// Each bar, its label under it (as many as fit side by side) and its count above it.
    fn draw_bars(&self, items: &mut Vec<Item>, chart: &BarChart, plot: &Plot) {
        let size = plot.size;
        let n = chart.bars.len().max(1);
        let slot = (plot.right - plot.left) / n as f32;
        let bar_w = (slot * 0.62).min(60.0);
        // Show every k-th label so that labels never run into each other.
        let widest = chart
            .bars
            .iter()
            .map(|b| text_width(self.fonts, &b.0, Weight::Regular, size))
            .fold(0.0, f32::max);
        let every = ((widest + size) / slot).ceil().max(1.0) as usize;
        for (i, (label, value)) in chart.bars.iter().enumerate() {
            let cx = plot.left + slot * (i as f32 + 0.5);
            let h = value * plot.scale;
            if h > 0.0 {
                items.push(Item::Rect {
                    x: cx - bar_w / 2.0,
                    y: plot.bottom - h,
                    w: bar_w,
                    h,
                    fill: Some(0.55),
                    stroke: Some((0.6, 0.0)),
                });
            }
            if i % every == 0 {
                let w = text_width(self.fonts, label, Weight::Regular, size);
                // Centred under its bar, but never out into the margin.
                let x = (cx - w / 2.0).clamp(self.left, plot.right - w);
                push_text(
                    items,
                    self.fonts,
                    x,
                    plot.bottom + plot.line_h * 0.9,
                    size,
                    Weight::Regular,
                    label,
                );
            }
            let count = format!("{value}");
            let cw = text_width(self.fonts, &count, Weight::Bold, size);
            if *value > 0.0 && cw < slot {
                push_text(
                    items,
                    self.fonts,
                    cx - cw / 2.0,
                    plot.bottom - h - size * 0.35,
                    size,
                    Weight::Bold,
                    &count,
                );
            }
        }
    }
}

/// The ticks of the value axis: a round step, as few ticks as a small chart needs, and a
/// top tick at or above the tallest bar.
fn value_ticks(chart: &BarChart) -> Ticks {
    let max = chart
        .bars
        .iter()
        .map(|b| b.1)
        .fold(0.0, f32::max)
        .max(1.0)
        .ceil();
    let step = nice_step(max, if chart.small { 1.0 } else { 6.0 });
    let top = (max / step).ceil() * step;
    let labels = (0..=(top / step) as usize)
        .map(|i| format!("{}", i as f32 * step))
        .collect();
    Ticks { step, top, labels }
}

/// What a chart shows, in words: its caption, then every bar's label and value.
fn chart_alt(chart: &BarChart) -> String {
    let bars: Vec<String> = chart
        .bars
        .iter()
        .map(|(label, value)| format!("{label}: {value} {}", chart.y_label))
        .collect();
    format!("{}. {}.", chart.caption, bars.join(", "))
}

/// A step of 1, 2, 5, 10, 20, 50 … that gives at most `ticks` ticks above zero.
fn nice_step(max: f32, ticks: f32) -> f32 {
    let mut step = 1.0;
    loop {
        for m in [1.0, 2.0, 5.0] {
            if max / (step * m) <= ticks {
                return step * m;
            }
        }
        step *= 10.0;
    }
}
