//! Set paragraphs and measured widths remembered per thread: a sheet sets the same text
//! again and again while page 1 is fitted.

use super::*;

/// What a text is wrapped for.
pub(super) struct WrapKey<'t> {
    pub(super) text: &'t Text,
    pub(super) size: f32,
    pub(super) width: f32,
}

impl WrapKey<'_> {
    fn hash(&self) -> u64 {
        let mut h = hasher();
        for span in self.text {
            span.text.hash(&mut h);
            span.strong.hash(&mut h);
            span.link.hash(&mut h);
        }
        self.size.to_bits().hash(&mut h);
        self.width.to_bits().hash(&mut h);
        h.finish()
    }

    fn is(&self, wrapped: &Wrapped) -> bool {
        wrapped.size == self.size.to_bits()
            && wrapped.width == self.width.to_bits()
            && wrapped.text.len() == self.text.len()
            && wrapped
                .text
                .iter()
                .zip(self.text)
                .all(|(a, b)| a.strong == b.strong && a.text == b.text && a.link == b.link)
    }
}

/// A text wrapped before, with its lines.
pub(super) struct Wrapped {
    pub(super) text: Text,
    pub(super) size: u32,
    pub(super) width: u32,
    pub(super) lines: Vec<Line>,
}

/// A text measured before: its text, weight, size (as bits) and width.
pub(super) type Measured = (Box<str>, Weight, u32, f32);

/// What a text is measured for.
pub(super) struct WidthKey<'t> {
    pub(super) text: &'t str,
    pub(super) weight: Weight,
    pub(super) size: f32,
}

impl WidthKey<'_> {
    fn hash(&self) -> u64 {
        let mut h = hasher();
        self.text.hash(&mut h);
        self.weight.hash(&mut h);
        self.size.to_bits().hash(&mut h);
        h.finish()
    }
}

pub(super) fn hasher() -> impl Hasher {
    foldhash::fast::FixedState::default().build_hasher()
}

/// Texts wrapped and measured before on this thread, by hash, for one font set's
/// generation: a sheet measures its labels again and again and wraps its summary again for
/// each amount of detail it tries, and a batch sets its guide's text on every sheet.
/// Setting text is a function of the text, the fonts, the size and the width alone, so a
/// remembered text is set exactly as it would be afresh.
pub(super) struct Memo {
    pub(super) generation: u64,
    pub(super) wrapped: foldhash::HashMap<u64, Vec<Wrapped>>,
    pub(super) widths: foldhash::HashMap<u64, Vec<Measured>>,
    pub(super) count: usize,
}

/// How many texts a thread remembers before it starts afresh.
pub(super) const MEMO_LEN: usize = 8192;

thread_local! {
    static MEMO: std::cell::RefCell<Memo> = std::cell::RefCell::new(Memo {
        generation: u64::MAX,
        wrapped: foldhash::HashMap::default(),
        widths: foldhash::HashMap::default(),
        count: 0,
    });
}

/// Runs `f` on this thread's memo, emptied first if it was filled for other fonts.
pub(super) fn with_memo<T>(fonts: &FontSet, f: impl FnOnce(&mut Memo) -> T) -> T {
    MEMO.with(|memo| {
        let mut memo = memo.borrow_mut();
        if memo.generation != fonts.generation() || memo.count >= MEMO_LEN {
            memo.generation = fonts.generation();
            memo.wrapped.clear();
            memo.widths.clear();
            memo.count = 0;
        }
        f(&mut memo)
    })
}

impl Memo {
    pub(super) fn lines(&self, key: &WrapKey) -> Option<Vec<Line>> {
        let texts = self.wrapped.get(&key.hash())?;
        texts.iter().find(|w| key.is(w)).map(|w| w.lines.clone())
    }

    pub(super) fn remember_lines(&mut self, key: &WrapKey, lines: &[Line]) {
        self.count += 1;
        self.wrapped.entry(key.hash()).or_default().push(Wrapped {
            text: key.text.clone(),
            size: key.size.to_bits(),
            width: key.width.to_bits(),
            lines: lines.to_vec(),
        });
    }

    pub(super) fn width(&self, key: &WidthKey) -> Option<f32> {
        let texts = self.widths.get(&key.hash())?;
        let size = key.size.to_bits();
        texts
            .iter()
            .find(|w| *w.0 == *key.text && w.1 == key.weight && w.2 == size)
            .map(|w| w.3)
    }

    pub(super) fn remember_width(&mut self, key: &WidthKey, width: f32) {
        self.count += 1;
        self.widths.entry(key.hash()).or_default().push((
            Box::from(key.text),
            key.weight,
            key.size.to_bits(),
            width,
        ));
    }
}
