//! Unpacking stream data (ISO 32000-1, 7.4): FlateDecode with or without a PNG predictor,
//! which is what writers use for object streams, cross-reference streams and embedded
//! files. Every byte unpacked, from any stream, is counted against one budget for the whole
//! file, so neither one deflate bomb nor a thousand references to a small one can fill the
//! memory.

use std::cell::Cell;
use std::io::Read;

use super::syntax::{Dict, Object};

/// Why a stream's data could not be had.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Unpack {
    /// More than this one stream may unpack to.
    TooLarge(u64),
    /// The file's budget for unpacked data is spent.
    OverBudget,
    /// Packed in a way that is not read, e.g. `LZWDecode`.
    Unsupported(String),
    Damaged(String),
}

/// What all streams of one file may unpack to together.
pub(super) struct Budget {
    left: Cell<u64>,
}

impl Budget {
    pub fn new(bytes: u64) -> Budget {
        Budget {
            left: Cell::new(bytes),
        }
    }
}

/// The data of a stream with dictionary `dict` and packed bytes `raw`, at most `limit` bytes.
pub(super) fn decode(
    dict: &Dict,
    raw: &[u8],
    limit: u64,
    budget: &Budget,
) -> Result<Vec<u8>, Unpack> {
    let filters: Vec<&[u8]> = match dict.get(b"Filter") {
        None | Some(Object::Null) => Vec::new(),
        Some(Object::Name(n)) => vec![n],
        Some(Object::Array(list)) => list
            .iter()
            .map(|f| match f {
                Object::Name(n) => Ok(n.as_slice()),
                _ => Err(Unpack::Damaged("its /Filter is not a name".into())),
            })
            .collect::<Result<_, _>>()?,
        Some(_) => return Err(Unpack::Damaged("its /Filter is not a name".into())),
    };
    let params = match dict.get(b"DecodeParms") {
        Some(Object::Dict(d)) => Some(d),
        Some(Object::Array(list)) => match list.first() {
            Some(Object::Dict(d)) => Some(d),
            _ => None,
        },
        _ => None,
    };
    let cap = limit.min(budget.left.get());
    let spent = |n: usize| budget.left.set(budget.left.get() - n as u64);
    let over = || {
        if cap < limit {
            Unpack::OverBudget
        } else {
            Unpack::TooLarge(limit)
        }
    };
    match filters.as_slice() {
        [] => {
            if raw.len() as u64 > cap {
                return Err(over());
            }
            spent(raw.len());
            Ok(raw.to_vec())
        }
        [b"FlateDecode" | b"Fl"] => {
            let mut out = Vec::new();
            flate2::read::ZlibDecoder::new(raw)
                .take(cap + 1)
                .read_to_end(&mut out)
                .map_err(|e| Unpack::Damaged(format!("its packed data is damaged ({e})")))?;
            if out.len() as u64 > cap {
                return Err(over());
            }
            spent(out.len());
            match params {
                Some(p) => unpredict(out, p),
                None => Ok(out),
            }
        }
        [one] => Err(Unpack::Unsupported(
            String::from_utf8_lossy(one).into_owned(),
        )),
        many => Err(Unpack::Unsupported(
            many.iter()
                .map(|f| String::from_utf8_lossy(f).into_owned())
                .collect::<Vec<_>>()
                .join(" then /"),
        )),
    }
}

/// Undoes the predictor of `/DecodeParms` (7.4.4.4): none (1), or PNG (10 to 15), where
/// each row starts with the byte that names its filter.
fn unpredict(data: Vec<u8>, params: &Dict) -> Result<Vec<u8>, Unpack> {
    let predictor = params.int(b"Predictor").unwrap_or(1);
    if predictor <= 1 {
        return Ok(data);
    }
    if predictor == 2 {
        return Err(Unpack::Unsupported(
            "FlateDecode with the TIFF predictor".into(),
        ));
    }
    let int = |key: &[u8], default: i64| params.int(key).unwrap_or(default);
    let (colors, bits, columns) = (
        int(b"Colors", 1),
        int(b"BitsPerComponent", 8),
        int(b"Columns", 1),
    );
    if !(1..=32).contains(&colors)
        || ![1, 2, 4, 8, 16].contains(&bits)
        || !(1..=1 << 20).contains(&columns)
    {
        return Err(Unpack::Damaged(
            "its predictor's parameters are out of range".into(),
        ));
    }
    let pixel = ((colors * bits + 7) / 8) as usize;
    let row = ((colors * bits * columns + 7) / 8) as usize;
    let mut out = Vec::with_capacity(data.len());
    let mut previous = vec![0u8; row];
    for chunk in data.chunks(row + 1) {
        let (&kind, line) = chunk.split_first().unwrap_or((&0, &[]));
        let mut current = line.to_vec();
        current.resize(row, 0);
        for i in 0..row {
            let left = if i >= pixel { current[i - pixel] } else { 0 };
            let up = previous[i];
            let up_left = if i >= pixel { previous[i - pixel] } else { 0 };
            let add = match kind {
                0 => 0,
                1 => left,
                2 => up,
                3 => ((u16::from(left) + u16::from(up)) / 2) as u8,
                4 => paeth(left, up, up_left),
                _ => return Err(Unpack::Damaged("a row names no PNG filter".into())),
            };
            current[i] = current[i].wrapping_add(add);
        }
        out.extend_from_slice(&current[..line.len().min(row)]);
        previous = current;
    }
    Ok(out)
}

fn paeth(a: u8, b: u8, c: u8) -> u8 {
    let p = i16::from(a) + i16::from(b) - i16::from(c);
    let (pa, pb, pc) = (
        (p - i16::from(a)).abs(),
        (p - i16::from(b)).abs(),
        (p - i16::from(c)).abs(),
    );
    if pa <= pb && pa <= pc {
        a
    } else if pb <= pc {
        b
    } else {
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn deflate(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    fn flate() -> Dict {
        Dict(vec![(
            b"Filter".to_vec(),
            Object::Name(b"FlateDecode".to_vec()),
        )])
    }

    #[test]
    fn a_bomb_stops_at_the_limit_and_spends_the_budget_once() {
        let bomb = deflate(&vec![0u8; 50 << 20]);
        let budget = Budget::new(4 << 20);
        assert_eq!(
            decode(&flate(), &bomb, 1 << 20, &budget),
            Err(Unpack::TooLarge(1 << 20))
        );
        let small = deflate(&[7u8; 3 << 20]);
        assert_eq!(
            decode(&flate(), &small, 8 << 20, &budget).unwrap().len(),
            3 << 20
        );
        // 1 MiB left of the budget: the same stream again is refused for the budget.
        assert_eq!(
            decode(&flate(), &small, 8 << 20, &budget),
            Err(Unpack::OverBudget)
        );
    }

    #[test]
    fn png_up_rows_are_undone() {
        // Two rows of three columns, each row "up" from the one before.
        let rows = [2u8, 1, 2, 3, 2, 1, 1, 1];
        let mut dict = flate();
        let params = Dict(vec![
            (b"Predictor".to_vec(), Object::Int(12)),
            (b"Columns".to_vec(), Object::Int(3)),
        ]);
        dict.0.push((b"DecodeParms".to_vec(), Object::Dict(params)));
        let out = decode(&dict, &deflate(&rows), 100, &Budget::new(100)).unwrap();
        assert_eq!(out, [1, 2, 3, 2, 3, 4]);
    }

    #[test]
    fn other_filters_are_named() {
        let dict = Dict(vec![(
            b"Filter".to_vec(),
            Object::Name(b"LZWDecode".to_vec()),
        )]);
        assert_eq!(
            decode(&dict, b"", 100, &Budget::new(100)),
            Err(Unpack::Unsupported("LZWDecode".into()))
        );
    }
}
