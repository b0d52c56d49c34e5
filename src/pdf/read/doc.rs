//! A PDF's objects, found through its cross-reference sections (ISO 32000-1, 7.5): classic
//! tables and cross-reference streams, hybrid files, incremental updates (the newest
//! definition of an object wins), and objects packed in object streams.

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use super::filter::{self, Budget, Unpack};
use super::syntax::{Dict, Fault, Object, Parser};

/// References to references: a chain longer than this is a loop.
const MAX_CHAIN: usize = 32;
/// Bytes parsed, all objects together, per byte of the file: an object stream may list one
/// large object under many numbers, which would be parsed for each of them.
const WORK_PER_BYTE: u64 = 16;
const MIN_WORK: u64 = 16 << 20;
/// Object numbers above this are refused (the limit of ISO 32000-1, Annex C, is 8,388,607).
const MAX_OBJECT: u64 = 1 << 23;
/// An object stream or a cross-reference stream unpacks to at most this.
const MAX_STRUCTURE_BYTES: u64 = 16 << 20;

/// Where the newest definition of an object is.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Entry {
    Free,
    At(usize),
    InStream { stream: u32, index: usize },
}

/// An object stream, unpacked: its data from `/First` on, and its objects' offsets in it.
struct ObjectStream {
    data: Vec<u8>,
    objects: Vec<(u64, usize)>,
}

/// Why the file's structure could not be read.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Broken {
    Damaged(String),
    OverBudget,
    TooLarge(u64),
    Unsupported(String),
    Encrypted,
}

impl From<Unpack> for Broken {
    fn from(u: Unpack) -> Broken {
        match u {
            Unpack::TooLarge(n) => Broken::TooLarge(n),
            Unpack::OverBudget => Broken::OverBudget,
            Unpack::Unsupported(f) => Broken::Unsupported(f),
            Unpack::Damaged(why) => Broken::Damaged(why),
        }
    }
}

fn damaged(why: impl Into<String>) -> Broken {
    Broken::Damaged(why.into())
}

pub(super) struct Doc<'a> {
    bytes: &'a [u8],
    xref: HashMap<u32, Entry>,
    pub trailer: Dict,
    pub budget: Budget,
    streams: RefCell<HashMap<u32, Rc<ObjectStream>>>,
    /// The object streams being unpacked: one whose `/Length` lies in itself, or in another
    /// being unpacked, would otherwise be unpacked without end.
    opening: RefCell<Vec<u32>>,
    work_left: Cell<u64>,
}

impl<'a> Doc<'a> {
    /// Reads the cross-reference sections, newest first along `/Prev`.
    pub fn open(bytes: &'a [u8], budget: u64) -> Result<Doc<'a>, Broken> {
        let work = (bytes.len() as u64)
            .saturating_mul(WORK_PER_BYTE)
            .max(MIN_WORK);
        let mut doc = Doc {
            bytes,
            xref: HashMap::new(),
            trailer: Dict::default(),
            budget: Budget::new(budget),
            streams: RefCell::new(HashMap::new()),
            opening: RefCell::new(Vec::new()),
            work_left: Cell::new(work),
        };
        let mut next = Some(doc.startxref()?);
        let mut seen = HashSet::new();
        while let Some(at) = next.take() {
            // Each offset once: a `/Prev` that leads back is the end of the chain.
            if !seen.insert(at) {
                break;
            }
            let trailer = doc.section(at)?;
            next = match trailer.get(b"Prev") {
                Some(Object::Int(p)) => {
                    Some(usize::try_from(*p).map_err(|_| damaged("a /Prev offset is negative"))?)
                }
                _ => None,
            };
            // The newest trailer's entries win; older ones fill in what it lacks.
            for (k, v) in trailer.0 {
                if doc.trailer.get(&k).is_none() {
                    doc.trailer.0.push((k, v));
                }
            }
        }
        if !matches!(doc.trailer.get(b"Encrypt"), None | Some(Object::Null)) {
            return Err(Broken::Encrypted);
        }
        Ok(doc)
    }

    /// The offset after the last `startxref`, which ends the file (7.5.5).
    fn startxref(&self) -> Result<usize, Broken> {
        let from = self.bytes.len().saturating_sub(4096);
        let tail = &self.bytes[from..];
        let at = tail
            .windows(9)
            .rposition(|w| w == b"startxref")
            .ok_or_else(|| {
                damaged("it has no `startxref` at its end, so its objects cannot be found")
            })?;
        let mut p = Parser::new(self.bytes, from + at + 9);
        let offset = p
            .unsigned()
            .map_err(|_| damaged("its `startxref` is not followed by an offset"))?;
        usize::try_from(offset)
            .ok()
            .filter(|&o| o < self.bytes.len())
            .ok_or_else(|| damaged("its `startxref` points past the end of the file"))
    }

    /// One cross-reference section at `at`, a table or a stream; returns its trailer.
    fn section(&mut self, at: usize) -> Result<Dict, Broken> {
        let mut p = Parser::new(self.bytes, at);
        if p.keyword(b"xref") {
            let mut entries = Vec::new();
            loop {
                if p.keyword(b"trailer") {
                    break;
                }
                let (first, count) = (p.unsigned().map_err(table)?, p.unsigned().map_err(table)?);
                // Each entry takes at least a few bytes: a count beyond what is left is a lie.
                if count > (self.bytes.len() - p.pos.min(self.bytes.len())) as u64 / 4
                    || first + count > MAX_OBJECT
                {
                    return Err(damaged(
                        "a cross-reference table lists more objects than the file can hold",
                    ));
                }
                for number in first..first + count {
                    let offset = p.unsigned().map_err(table)?;
                    p.unsigned().map_err(table)?;
                    let entry = if p.keyword(b"n") {
                        match usize::try_from(offset) {
                            Ok(0) | Err(_) => Entry::Free,
                            Ok(o) => Entry::At(o),
                        }
                    } else if p.keyword(b"f") {
                        Entry::Free
                    } else {
                        return Err(table("an entry is neither `n` nor `f`"));
                    };
                    entries.push((number as u32, entry));
                }
            }
            let trailer = match p.object(0) {
                Ok(Object::Dict(d)) => d,
                _ => return Err(damaged("its trailer is not a dictionary")),
            };
            // A hybrid file (7.5.8.4): the stream holds what the table leaves out.
            if let Some(Object::Int(stm)) = trailer.get(b"XRefStm") {
                if let Ok(stm) = usize::try_from(*stm) {
                    self.xref_stream(stm)?;
                }
            }
            for (number, entry) in entries {
                self.xref.entry(number).or_insert(entry);
            }
            Ok(trailer)
        } else {
            self.xref_stream(at)
        }
    }

    /// A cross-reference stream at `at` (7.5.8); returns its dictionary, which is the trailer.
    fn xref_stream(&mut self, at: usize) -> Result<Dict, Broken> {
        let (_, object) = Parser::new(self.bytes, at)
            .indirect()
            .map_err(|why| damaged(format!("its cross-reference data cannot be read: {why}")))?;
        let Object::Stream(dict, start) = object else {
            return Err(damaged(
                "its `startxref` or /Prev points to neither a table nor a stream",
            ));
        };
        if dict.name(b"Type") != Some(b"XRef") {
            return Err(damaged(
                "its `startxref` or /Prev points to a stream that is no cross-reference stream",
            ));
        }
        // Its /Length must be direct: nothing can be looked up before the table is read.
        let length = dict
            .int(b"Length")
            .ok_or_else(|| damaged("a cross-reference stream's /Length is not a number"))?;
        let raw = self.data_at(start, length).map_err(damaged)?;
        let data = filter::decode(&dict, raw, MAX_STRUCTURE_BYTES, &self.budget)?;
        let widths: Vec<usize> = match dict.get(b"W") {
            Some(Object::Array(w)) if w.len() == 3 => w
                .iter()
                .map(|o| match o {
                    Object::Int(n @ 0..=8) => Ok(*n as usize),
                    _ => Err(damaged("a cross-reference stream's /W is out of range")),
                })
                .collect::<Result<_, _>>()?,
            _ => return Err(damaged("a cross-reference stream has no /W")),
        };
        let row: usize = widths.iter().sum();
        if row == 0 {
            return Err(damaged("a cross-reference stream's /W is all zero"));
        }
        let size = dict.int(b"Size").unwrap_or(0);
        let index: Vec<i64> = match dict.get(b"Index") {
            Some(Object::Array(list)) => list
                .iter()
                .map(|o| match o {
                    Object::Int(n) => Ok(*n),
                    _ => Err(damaged("a cross-reference stream's /Index is not numbers")),
                })
                .collect::<Result<_, _>>()?,
            _ => vec![0, size],
        };
        let mut rows = data.chunks_exact(row);
        for pair in index.chunks(2) {
            let [first, count] = *pair else { break };
            let (Ok(first), Ok(count)) = (u64::try_from(first), u64::try_from(count)) else {
                return Err(damaged("a cross-reference stream's /Index is negative"));
            };
            if first + count > MAX_OBJECT {
                return Err(damaged("a cross-reference stream lists too many objects"));
            }
            for number in first..first + count {
                let Some(r) = rows.next() else { break };
                let field = |i: usize| {
                    let from: usize = widths[..i].iter().sum();
                    r[from..from + widths[i]]
                        .iter()
                        .fold(0u64, |v, &b| v << 8 | u64::from(b))
                };
                let kind = if widths[0] == 0 { 1 } else { field(0) };
                let entry = match kind {
                    0 => Entry::Free,
                    1 => match usize::try_from(field(1)) {
                        Ok(0) | Err(_) => Entry::Free,
                        Ok(o) => Entry::At(o),
                    },
                    2 => match (u32::try_from(field(1)), usize::try_from(field(2))) {
                        (Ok(stream), Ok(index)) => Entry::InStream { stream, index },
                        _ => Entry::Free,
                    },
                    // Other types are reserved: such an object is taken as null (7.5.8.3).
                    _ => continue,
                };
                self.xref.entry(number as u32).or_insert(entry);
            }
        }
        Ok(dict)
    }

    /// `length` bytes of stream data at `start`, which `endstream` must follow.
    fn data_at(&self, start: usize, length: i64) -> Result<&'a [u8], Fault> {
        let end = usize::try_from(length)
            .ok()
            .and_then(|l| start.checked_add(l))
            .filter(|&e| e <= self.bytes.len())
            .ok_or("a stream's /Length runs past the end of the file")?;
        let mut p = Parser::new(self.bytes, end);
        if !p.keyword(b"endstream") {
            return Err("a stream's /Length does not match its data (no `endstream` after it)");
        }
        Ok(&self.bytes[start..end])
    }

    /// The packed data of a stream read from the file.
    pub fn stream_data(&self, dict: &Dict, start: usize) -> Result<&'a [u8], Broken> {
        let length = match self.resolve(dict.get(b"Length").unwrap_or(&Object::Null))? {
            Object::Int(n) => n,
            Object::Null => {
                return Err(damaged("a stream's /Length is missing or names no object"))
            }
            _ => return Err(damaged("a stream's /Length is not a number")),
        };
        self.data_at(start, length).map_err(damaged)
    }

    /// `object`, with a reference followed to what it names (null for a missing or freed
    /// object, 7.3.10).
    pub fn resolve(&self, object: &Object) -> Result<Object, Broken> {
        let mut current = object.clone();
        for _ in 0..MAX_CHAIN {
            match current {
                Object::Ref(n) => current = self.get(n)?,
                other => return Ok(other),
            }
        }
        Err(damaged("references lead to references in a loop"))
    }

    /// The newest definition of object `number`.
    fn get(&self, number: u32) -> Result<Object, Broken> {
        match self.xref.get(&number) {
            None | Some(Entry::Free) => Ok(Object::Null),
            Some(&Entry::At(at)) => {
                let mut p = Parser::new(self.bytes, at);
                let read = p.indirect();
                self.spend(p.pos.saturating_sub(at))?;
                let (found, object) =
                    read.map_err(|why| damaged(format!("object {number} cannot be read: {why}")))?;
                if found != u64::from(number) {
                    return Err(damaged(format!(
                        "the cross-reference table points to object {found} for object {number}"
                    )));
                }
                Ok(object)
            }
            Some(&Entry::InStream { stream, index }) => {
                let packed = self.object_stream(stream)?;
                let at = match packed.objects.get(index) {
                    Some(&(n, at)) if n == u64::from(number) => at,
                    // The index is only a hint; the stream's own list is the truth.
                    _ => packed
                        .objects
                        .iter()
                        .find(|(n, _)| *n == u64::from(number))
                        .map(|&(_, at)| at)
                        .ok_or_else(|| {
                            damaged(format!(
                                "object {number} is not in the object stream said to hold it"
                            ))
                        })?,
                };
                let mut p = Parser::new(&packed.data, at);
                let read = p.object(0);
                self.spend(p.pos.saturating_sub(at))?;
                read.map_err(|why| damaged(format!("object {number} cannot be read: {why}")))
            }
        }
    }

    fn spend(&self, work: usize) -> Result<(), Broken> {
        let left = self
            .work_left
            .get()
            .checked_sub(work as u64)
            .ok_or_else(|| {
                damaged("its objects refer to the same data over and over, more than any PDF needs")
            })?;
        self.work_left.set(left);
        Ok(())
    }

    /// Object stream `number` (7.5.7), unpacked once and kept.
    fn object_stream(&self, number: u32) -> Result<Rc<ObjectStream>, Broken> {
        if let Some(s) = self.streams.borrow().get(&number) {
            return Ok(Rc::clone(s));
        }
        // An object stream is itself never packed in one: only a direct definition counts.
        let Some(&Entry::At(_)) = self.xref.get(&number) else {
            return Err(damaged(format!(
                "object stream {number} is not in the file"
            )));
        };
        let Object::Stream(dict, start) = self.get(number)? else {
            return Err(damaged(format!(
                "object {number} is said to be an object stream but is none"
            )));
        };
        {
            let mut opening = self.opening.borrow_mut();
            if opening.contains(&number) || opening.len() >= 4 {
                return Err(damaged(
                    "the length of an object stream is kept in an object stream that needs it",
                ));
            }
            opening.push(number);
        }
        let raw = self.stream_data(&dict, start);
        self.opening.borrow_mut().retain(|&n| n != number);
        let raw = raw?;
        let data = filter::decode(&dict, raw, MAX_STRUCTURE_BYTES, &self.budget)?;
        let (n, first) = match (dict.int(b"N"), dict.int(b"First")) {
            (Some(n), Some(f)) if n >= 0 && f >= 0 && (f as usize) <= data.len() => {
                (n as usize, f as usize)
            }
            _ => {
                return Err(damaged(format!(
                    "object stream {number} has no valid /N and /First"
                )))
            }
        };
        if n > first / 4 + 1 {
            return Err(damaged(format!(
                "object stream {number} lists more objects than it holds"
            )));
        }
        let mut p = Parser::new(&data[..first], 0);
        let mut objects = Vec::with_capacity(n);
        for _ in 0..n {
            let (Ok(num), Ok(off)) = (p.unsigned(), p.unsigned()) else {
                return Err(damaged(format!(
                    "object stream {number}'s list of objects is damaged"
                )));
            };
            let at = usize::try_from(off)
                .ok()
                .and_then(|o| o.checked_add(first))
                .filter(|&a| a <= data.len())
                .ok_or_else(|| damaged(format!("object stream {number} points past its end")))?;
            objects.push((num, at));
        }
        let stream = Rc::new(ObjectStream { data, objects });
        self.streams.borrow_mut().insert(number, Rc::clone(&stream));
        Ok(stream)
    }
}

fn table(why: Fault) -> Broken {
    damaged(format!("its cross-reference table is damaged: {why}"))
}
