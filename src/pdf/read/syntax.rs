//! The PDF object syntax (ISO 32000-1, 7.2 and 7.3), read from bytes that may be anything:
//! every nesting, every object and every string is bounded, and a fault is a sentence.

/// A PDF object as read. A stream keeps only where its data starts: the data is read, and
/// unpacked, only when it is needed.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Object {
    Null,
    Bool(bool),
    Int(i64),
    Real(f64),
    Str(Vec<u8>),
    Name(Vec<u8>),
    Array(Vec<Object>),
    Dict(Dict),
    Ref(u32),
    Stream(Dict, usize),
}

/// A dictionary, in the order written. Small enough in practice that a linear look-up is
/// faster than hashing.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Dict(pub Vec<(Vec<u8>, Object)>);

impl Dict {
    pub fn get(&self, key: &[u8]) -> Option<&Object> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// The value of `key` when it is a name, e.g. `/Type /XRef` gives `XRef`.
    pub fn name(&self, key: &[u8]) -> Option<&[u8]> {
        match self.get(key) {
            Some(Object::Name(n)) => Some(n),
            _ => None,
        }
    }

    pub fn int(&self, key: &[u8]) -> Option<i64> {
        match self.get(key) {
            Some(Object::Int(n)) => Some(*n),
            _ => None,
        }
    }
}

/// Arrays and dictionaries nest; deeper than this is no honest file.
const MAX_NESTING: usize = 64;
/// The entries of one object, all arrays and dictionaries in it together. Each takes some
/// tens of bytes in memory: this keeps one object to a few megabytes, while a name tree node
/// of 100,000 files still fits.
const MAX_ELEMENTS: usize = 250_000;

pub(super) type Fault = &'static str;

/// Reads objects from `bytes`, starting at `pos`.
pub(super) struct Parser<'a> {
    bytes: &'a [u8],
    pub pos: usize,
    elements: usize,
}

fn is_space(b: u8) -> bool {
    matches!(b, b'\0' | b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}

fn is_delimiter(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

fn is_regular(b: u8) -> bool {
    !is_space(b) && !is_delimiter(b)
}

impl<'a> Parser<'a> {
    pub fn new(bytes: &'a [u8], pos: usize) -> Parser<'a> {
        Parser {
            bytes,
            pos,
            elements: 0,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// Skips white space and comments.
    pub fn skip_space(&mut self) {
        while let Some(b) = self.peek() {
            if is_space(b) {
                self.pos += 1;
            } else if b == b'%' {
                while let Some(b) = self.peek() {
                    if b == b'\r' || b == b'\n' {
                        break;
                    }
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    /// True, and past it, when the next token is the keyword `word`.
    pub fn keyword(&mut self, word: &[u8]) -> bool {
        self.skip_space();
        let end = self.pos + word.len();
        let matches = self.bytes.get(self.pos..end) == Some(word)
            && self.bytes.get(end).is_none_or(|&b| !is_regular(b));
        if matches {
            self.pos = end;
        }
        matches
    }

    /// A non-negative integer, as object numbers, offsets and counts are.
    pub fn unsigned(&mut self) -> Result<u64, Fault> {
        self.skip_space();
        let start = self.pos;
        let mut n: u64 = 0;
        while let Some(b @ b'0'..=b'9') = self.peek() {
            n = n
                .checked_mul(10)
                .and_then(|n| n.checked_add(u64::from(b - b'0')))
                .ok_or("a number is too large")?;
            self.pos += 1;
        }
        if self.pos == start {
            return Err("a number is missing");
        }
        Ok(n)
    }

    /// `N G obj` and the object that follows; a stream's data is not read.
    pub fn indirect(&mut self) -> Result<(u64, Object), Fault> {
        let number = self.unsigned()?;
        self.unsigned()?;
        if !self.keyword(b"obj") {
            return Err("an object does not start with `N G obj`");
        }
        let object = self.object(0)?;
        if let Object::Dict(dict) = object {
            if self.keyword(b"stream") {
                // The keyword ends with CR LF or LF (7.3.8.1); a lone CR is taken too.
                match self.peek() {
                    Some(b'\r') => {
                        self.pos += 1;
                        if self.peek() == Some(b'\n') {
                            self.pos += 1;
                        }
                    }
                    Some(b'\n') => self.pos += 1,
                    _ => {}
                }
                return Ok((number, Object::Stream(dict, self.pos)));
            }
            return Ok((number, Object::Dict(dict)));
        }
        Ok((number, object))
    }

    pub fn object(&mut self, depth: usize) -> Result<Object, Fault> {
        if depth > MAX_NESTING {
            return Err("arrays or dictionaries are nested too deep");
        }
        self.skip_space();
        let Some(b) = self.peek() else {
            return Err("the file ends inside an object");
        };
        match b {
            b'/' => {
                self.pos += 1;
                Ok(Object::Name(self.name()))
            }
            b'(' => {
                self.pos += 1;
                self.literal().map(Object::Str)
            }
            b'<' if self.bytes.get(self.pos + 1) == Some(&b'<') => {
                self.pos += 2;
                self.dict(depth).map(Object::Dict)
            }
            b'<' => {
                self.pos += 1;
                self.hex().map(Object::Str)
            }
            b'[' => {
                self.pos += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_space();
                    if self.peek() == Some(b']') {
                        self.pos += 1;
                        return Ok(Object::Array(items));
                    }
                    self.count()?;
                    items.push(self.object(depth + 1)?);
                }
            }
            b'+' | b'-' | b'.' | b'0'..=b'9' => self.number_or_reference(),
            b if is_regular(b) => {
                let start = self.pos;
                while self.peek().is_some_and(is_regular) {
                    self.pos += 1;
                }
                match &self.bytes[start..self.pos] {
                    b"true" => Ok(Object::Bool(true)),
                    b"false" => Ok(Object::Bool(false)),
                    b"null" => Ok(Object::Null),
                    _ => Err("a word that is no PDF object stands where an object should"),
                }
            }
            _ => Err("a stray delimiter stands where an object should"),
        }
    }

    fn count(&mut self) -> Result<(), Fault> {
        self.elements += 1;
        if self.elements > MAX_ELEMENTS {
            return Err("an object has more than 250,000 entries");
        }
        Ok(())
    }

    fn dict(&mut self, depth: usize) -> Result<Dict, Fault> {
        let mut entries = Vec::new();
        loop {
            self.skip_space();
            match self.peek() {
                Some(b'>') if self.bytes.get(self.pos + 1) == Some(&b'>') => {
                    self.pos += 2;
                    return Ok(Dict(entries));
                }
                Some(b'/') => {
                    self.pos += 1;
                    let key = self.name();
                    self.count()?;
                    let value = self.object(depth + 1)?;
                    entries.push((key, value));
                }
                None => return Err("the file ends inside a dictionary"),
                Some(_) => return Err("a dictionary's key is not a name"),
            }
        }
    }

    /// After the `/`: regular characters, `#XX` standing for a byte (7.3.5).
    fn name(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        while let Some(b) = self.peek().filter(|&b| is_regular(b)) {
            self.pos += 1;
            let hex = |b: Option<&u8>| b.and_then(|&b| (b as char).to_digit(16));
            if b == b'#' {
                if let (Some(h), Some(l)) = (
                    hex(self.bytes.get(self.pos)),
                    hex(self.bytes.get(self.pos + 1)),
                ) {
                    out.push((h * 16 + l) as u8);
                    self.pos += 2;
                    continue;
                }
            }
            out.push(b);
        }
        out
    }

    /// After the `(`: balanced parentheses, backslash escapes, end-of-line as LF (7.3.4.2).
    fn literal(&mut self) -> Result<Vec<u8>, Fault> {
        let mut out = Vec::new();
        let mut open = 1usize;
        loop {
            let Some(b) = self.peek() else {
                return Err("the file ends inside a string");
            };
            self.pos += 1;
            match b {
                b'(' => {
                    open += 1;
                    out.push(b);
                }
                b')' => {
                    open -= 1;
                    if open == 0 {
                        return Ok(out);
                    }
                    out.push(b);
                }
                b'\r' => {
                    if self.peek() == Some(b'\n') {
                        self.pos += 1;
                    }
                    out.push(b'\n');
                }
                b'\\' => {
                    let Some(e) = self.peek() else {
                        return Err("the file ends inside a string");
                    };
                    self.pos += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(b'\x08'),
                        b'f' => out.push(b'\x0C'),
                        b'0'..=b'7' => {
                            let mut v = u32::from(e - b'0');
                            for _ in 0..2 {
                                match self.peek() {
                                    Some(d @ b'0'..=b'7') => {
                                        v = v * 8 + u32::from(d - b'0');
                                        self.pos += 1;
                                    }
                                    _ => break,
                                }
                            }
                            out.push(v as u8);
                        }
                        // A backslash at the end of a line continues the string on the next.
                        b'\r' => {
                            if self.peek() == Some(b'\n') {
                                self.pos += 1;
                            }
                        }
                        b'\n' => {}
                        other => out.push(other),
                    }
                }
                other => out.push(other),
            }
        }
    }

    /// After the `<`: hexadecimal digits and white space; an odd last digit is followed by 0.
    fn hex(&mut self) -> Result<Vec<u8>, Fault> {
        let mut out = Vec::new();
        let mut high: Option<u8> = None;
        loop {
            let Some(b) = self.peek() else {
                return Err("the file ends inside a string");
            };
            self.pos += 1;
            if b == b'>' {
                if let Some(h) = high {
                    out.push(h << 4);
                }
                return Ok(out);
            }
            if is_space(b) {
                continue;
            }
            let d = (b as char)
                .to_digit(16)
                .ok_or("a hexadecimal string holds a character that is not a digit")?
                as u8;
            match high.take() {
                Some(h) => out.push(h << 4 | d),
                None => high = Some(d),
            }
        }
    }

    /// A number, or `N G R`: a reference is two non-negative integers and `R`.
    fn number_or_reference(&mut self) -> Result<Object, Fault> {
        let start = self.pos;
        if matches!(self.peek(), Some(b'+' | b'-')) {
            self.pos += 1;
        }
        let mut real = false;
        while let Some(b) = self.peek() {
            match b {
                b'0'..=b'9' => {}
                b'.' if !real => real = true,
                _ => break,
            }
            self.pos += 1;
        }
        let text = std::str::from_utf8(&self.bytes[start..self.pos]).unwrap_or("");
        if !real {
            if let Ok(n) = text.parse::<i64>() {
                let after = self.pos;
                if let Ok(number) = u32::try_from(n) {
                    if self.unsigned().is_ok() && self.keyword(b"R") {
                        return Ok(Object::Ref(number));
                    }
                }
                self.pos = after;
                return Ok(Object::Int(n));
            }
        }
        match text {
            "" | "+" | "-" | "." | "+." | "-." => Err("a sign or point stands without a number"),
            // An integer past 64 bits is kept as a real, as readers do (Annex C).
            _ => Ok(Object::Real(text.parse().unwrap_or(0.0))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &[u8]) -> Result<Object, Fault> {
        Parser::new(s, 0).object(0)
    }

    #[test]
    fn objects_of_every_kind_are_read() {
        assert_eq!(parse(b"  % note\n 12 "), Ok(Object::Int(12)));
        assert_eq!(parse(b"-3.5"), Ok(Object::Real(-3.5)));
        assert_eq!(parse(b"/A#20b"), Ok(Object::Name(b"A b".to_vec())));
        assert_eq!(
            parse(b"(a (b) \\(c\\051\\\nd\r\n)"),
            Ok(Object::Str(b"a (b) (c)d\n".to_vec()))
        );
        assert_eq!(parse(b"<48 6 9 7>"), Ok(Object::Str(b"Hip".to_vec())));
        assert_eq!(
            parse(b"[1 0 R 2 true null]"),
            Ok(Object::Array(vec![
                Object::Ref(1),
                Object::Int(2),
                Object::Bool(true),
                Object::Null
            ]))
        );
        let Ok(Object::Dict(d)) = parse(b"<</Type/XRef/W[1 2 1]/Size 7>>") else {
            panic!("a dictionary")
        };
        assert_eq!(d.name(b"Type"), Some(&b"XRef"[..]));
        assert_eq!(d.int(b"Size"), Some(7));
    }

    #[test]
    fn streams_keep_where_their_data_starts() {
        let bytes = b"7 0 obj\n<</Length 3>>\nstream\r\nabc\nendstream";
        let (n, o) = Parser::new(bytes, 0).indirect().unwrap();
        assert_eq!(n, 7);
        assert!(matches!(o, Object::Stream(_, 30)), "{o:?}");
    }

    #[test]
    fn hostile_syntax_is_refused_not_followed() {
        let deep = "[".repeat(10_000);
        assert!(parse(deep.as_bytes()).is_err());
        let wide = format!("[{}]", "0 ".repeat(300_000));
        assert!(parse(wide.as_bytes()).is_err());
        assert!(parse(b"(never closed").is_err());
        assert!(parse(b"<4G>").is_err());
        assert!(parse(b"endobj").is_err());
        assert!(parse(b"").is_err());
        assert_eq!(parse(b"99999999999999999999"), Ok(Object::Real(1e20)));
    }
}
