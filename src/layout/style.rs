//! Paper, print size and the type sizes and spacing that follow from them.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    /// Width and height in points.
    pub fn size(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.276, 841.89),
            Paper::Letter => (612.0, 792.0),
        }
    }
}

/// How big the type is. Large and extra large follow older-adult reading guidance (16 to
/// 18 pt, about 1.5 line spacing, wider margins); extra large is for very low vision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PrintSize {
    /// 11.5 pt body text.
    #[default]
    Normal,
    /// 16 pt body text.
    Large,
    /// 18 pt body text.
    ExtraLarge,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct PageOptions {
    pub paper: Paper,
    pub print: PrintSize,
}

/// Type sizes and spacing, in points.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub body: f32,
    pub leading: f32,
    pub heading: f32,
    pub title: f32,
    pub subtitle: f32,
    pub footer: f32,
    pub margin: f32,
    /// Distance between ruled lines to write on by hand.
    pub writing_gap: f32,
}

impl Style {
    pub fn for_options(options: PageOptions) -> Style {
        match options.print {
            PrintSize::Normal => Style {
                body: 11.5,
                leading: 1.45,
                heading: 15.5,
                title: 24.0,
                subtitle: 15.0,
                footer: 9.0,
                margin: 50.0,
                writing_gap: 26.0,
            },
            PrintSize::Large => Style {
                body: 16.0,
                leading: 1.55,
                heading: 21.0,
                title: 30.0,
                subtitle: 20.0,
                footer: 11.0,
                margin: 58.0,
                writing_gap: 34.0,
            },
            PrintSize::ExtraLarge => Style {
                body: 18.0,
                leading: 1.55,
                heading: 23.0,
                title: 32.0,
                subtitle: 22.0,
                footer: 12.0,
                margin: 54.0,
                writing_gap: 38.0,
            },
        }
    }

    pub(super) fn line(&self, size: f32) -> f32 {
        size * self.leading
    }
}
