//! The file itself: numbered objects packed into a compressed object stream, streams,
//! the cross-reference stream and the trailer.

use super::*;

/// The objects of one PDF file. Dictionaries are packed into an object stream; streams
/// stand on their own, as they must.
#[derive(Default)]
pub(super) struct File {
    /// By object id − 1: a dictionary's bytes, or `None` for a stream (or one reserved).
    pub(super) objects: Vec<Option<Vec<u8>>>,
    pub(super) streams: Vec<Stream>,
}

pub(super) struct Stream {
    pub(super) id: u32,
    /// Its dictionary, but for Length and Filter.
    pub(super) dict: Dict,
    pub(super) data: Vec<u8>,
    /// Written as it is, uncompressed.
    pub(super) plain: bool,
}

impl File {
    pub(super) fn reserve(&mut self) -> u32 {
        self.objects.push(None);
        self.objects.len() as u32
    }

    pub(super) fn set(&mut self, id: u32, dict: Vec<u8>) {
        self.objects[id as usize - 1] = Some(dict);
    }

    pub(super) fn add(&mut self, dict: Vec<u8>) -> u32 {
        let id = self.reserve();
        self.set(id, dict);
        id
    }

    pub(super) fn stream(&mut self, dict: Dict, data: Vec<u8>) -> u32 {
        let id = self.reserve();
        self.streams.push(Stream {
            id,
            dict,
            data,
            plain: false,
        });
        id
    }

    /// A stream left uncompressed, for readers that look for it without a PDF parser.
    pub(super) fn plain_stream(&mut self, dict: Dict, data: Vec<u8>) -> u32 {
        let id = self.stream(dict, data);
        self.streams.last_mut().expect("just added").plain = true;
        id
    }

    /// The whole file: streams, the object stream, then the cross-reference stream.
    pub(super) fn finish(mut self, catalog: u32, info: u32, id: &[u64; 2]) -> Vec<u8> {
        // Compression is the largest cost of writing a sheet, and the streams are independent.
        let compressed: Vec<Vec<u8>> = self
            .streams
            .par_iter()
            .map(|s| match s.plain {
                true => Vec::new(),
                false => deflate(&s.data),
            })
            .collect();

        let packed: Vec<(u32, Vec<u8>)> = self
            .objects
            .iter_mut()
            .enumerate()
            .filter_map(|(i, o)| o.take().map(|d| (i as u32 + 1, d)))
            .collect();
        let object_stream = self.reserve();
        let xref = self.reserve();

        let mut entries = vec![(0u8, 0u64, 0xFFFFu16); xref as usize + 1];
        let mut out = Vec::with_capacity(
            1024 + compressed.iter().map(Vec::len).sum::<usize>()
                + packed.iter().map(|(_, d)| d.len() / 3).sum::<usize>(),
        );
        // The second line's bytes above 127 mark the file as binary for transfer tools.
        out.extend_from_slice(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n");
        for (stream, data) in std::mem::take(&mut self.streams).into_iter().zip(&compressed) {
            entries[stream.id as usize] = (1, out.len() as u64, 0);
            if stream.plain {
                write_plain_stream(&mut out, stream.id, stream.dict, &stream.data);
            } else {
                write_stream(&mut out, stream.id, stream.dict, data);
            }
        }
        write_object_stream(&mut out, object_stream, &packed, &mut entries);
        let trailer = Trailer { catalog, info, id };
        write_xref(&mut out, xref, entries, &trailer);
        out
    }
}

/// Where an object is: (type, field 2, field 3) as in ISO 32000-1, 7.5.8.3.
type XrefEntry = (u8, u64, u16);

/// What the cross-reference stream's dictionary points to, as a trailer would.
struct Trailer<'a> {
    catalog: u32,
    info: u32,
    id: &'a [u64; 2],
}

/// The dictionaries, packed into one compressed object stream, numbered `id`.
fn write_object_stream(
    out: &mut Vec<u8>,
    id: u32,
    packed: &[(u32, Vec<u8>)],
    entries: &mut [XrefEntry],
) {
    let mut header = Vec::new();
    let mut bodies = Vec::new();
    for (index, (object, dict)) in packed.iter().enumerate() {
        entries[*object as usize] = (2, u64::from(id), index as u16);
        int(&mut header, i64::from(*object));
        header.push(b' ');
        int(&mut header, bodies.len() as i64);
        header.push(b' ');
        bodies.extend_from_slice(dict);
        bodies.push(b'\n');
    }
    let first = header.len();
    header.extend_from_slice(&bodies);
    let mut dict = Dict::new();
    dict.name("Type", "ObjStm")
        .int("N", packed.len() as i64)
        .int("First", first as i64);
    entries[id as usize] = (1, out.len() as u64, 0);
    write_stream(out, id, dict, &deflate(&header));
}

/// The cross-reference stream, numbered `xref` (the last object), and the file's end.
fn write_xref(out: &mut Vec<u8>, xref: u32, mut entries: Vec<XrefEntry>, trailer: &Trailer) {
    let size = xref + 1;
    let xref_at = out.len() as u64;
    entries[xref as usize] = (1, xref_at, 0);
    let width = (1..8).find(|w| xref_at < 1 << (8 * w)).unwrap_or(8);
    let mut table = Vec::with_capacity(entries.len() * (3 + width));
    for (kind, field, generation) in entries {
        table.push(kind);
        table.extend_from_slice(&field.to_be_bytes()[8 - width..]);
        table.extend_from_slice(&generation.to_be_bytes());
    }
    let id = trailer.id;
    let mut dict = Dict::new();
    dict.name("Type", "XRef")
        .int("Size", i64::from(size))
        .array("W", |w| {
            w.int(1).int(width as i64).int(2);
        })
        .reference("Root", trailer.catalog)
        .reference("Info", trailer.info)
        .raw(
            "ID",
            format!("[<{0:016X}{1:016X}><{0:016X}{1:016X}>]", id[0], id[1]).as_bytes(),
        );
    write_stream(out, xref, dict, &deflate(&table));
    out.extend_from_slice(b"startxref\n");
    int(out, xref_at as i64);
    out.extend_from_slice(b"\n%%EOF\n");
}

/// A stream whose `data` is already deflated.
pub(super) fn write_stream(out: &mut Vec<u8>, id: u32, mut dict: Dict, data: &[u8]) {
    dict.name("Filter", "FlateDecode");
    write_plain_stream(out, id, dict, data);
}

/// The end of a stream's data. Data that ends in a carriage return gets a whole CR LF after
/// it: with a bare line feed, a reader would take the CR for part of the end of line and
/// count one byte fewer than /Length says (PDF/A checks that they agree).
pub(super) fn end_stream(out: &mut Vec<u8>, data: &[u8]) {
    if data.last() == Some(&b'\r') {
        out.push(b'\r');
    }
    out.extend_from_slice(b"\nendstream\nendobj\n");
}

pub(super) fn write_plain_stream(out: &mut Vec<u8>, id: u32, mut dict: Dict, data: &[u8]) {
    int(out, i64::from(id));
    out.extend_from_slice(b" 0 obj\n");
    dict.int("Length", data.len() as i64);
    out.extend_from_slice(&dict.finish());
    out.extend_from_slice(b"\nstream\n");
    out.extend_from_slice(data);
    end_stream(out, data);
}

thread_local! {
    /// One compressor a thread, reset between streams: setting one up zeroes several
    /// hundred kilobytes of tables, more work than compressing a page.
    static DEFLATE: RefCell<flate2::Compress> =
        RefCell::new(flate2::Compress::new(flate2::Compression::default(), true));
}

/// `data` in zlib format (FlateDecode).
pub(super) fn deflate(data: &[u8]) -> Vec<u8> {
    DEFLATE.with(|compressor| {
        let mut compressor = compressor.borrow_mut();
        compressor.reset();
        let mut out = Vec::with_capacity(data.len() / 2 + 64);
        loop {
            let consumed = compressor.total_in() as usize;
            let status = compressor
                .compress_vec(&data[consumed..], &mut out, flate2::FlushCompress::Finish)
                // Compressing into memory only fails on a full buffer, made room for below.
                .unwrap_or(flate2::Status::BufError);
            if status == flate2::Status::StreamEnd {
                return out;
            }
            out.reserve(out.capacity().max(64));
        }
    })
}

/// FNV-1a: a small, stable hash for names and ids derived from content.
#[derive(Clone, Copy)]
pub(super) struct Fnv(pub(super) u64);

impl Fnv {
    pub(super) fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    pub(super) fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    pub(super) fn with(mut self, bytes: &[u8]) -> Fnv {
        self.write(bytes);
        self
    }

    /// `n` capital letters (up to 13) drawn from the hash.
    pub(super) fn letters(self, n: usize) -> String {
        (0..n)
            .map(|i| char::from(b'A' + ((self.0 >> (5 * i)) % 26) as u8))
            .collect()
    }
}
