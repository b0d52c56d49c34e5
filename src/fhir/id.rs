//! Resource ids derived from content, so the same intake always gives the same Bundle.

/// FNV-1a with 128 bits: small, stable across platforms and versions, and wide enough that
/// two resources of one Bundle do not meet by chance. Not a defence against anyone forging
/// a collision, which nothing here needs.
#[derive(Clone, Copy)]
pub struct Hash(u128);

const OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013B;

impl Hash {
    pub fn new() -> Hash {
        Hash(OFFSET)
    }

    /// Adds `bytes`, preceded by their length so that ("ab", "c") and ("a", "bc") differ.
    pub fn with(mut self, bytes: &[u8]) -> Hash {
        for b in (bytes.len() as u64).to_le_bytes().iter().chain(bytes) {
            self.0 = (self.0 ^ u128::from(*b)).wrapping_mul(PRIME);
        }
        self
    }

    /// The hash as a UUID (RFC 9562 version 8, "custom"), lower case as FHIR writes them.
    pub fn uuid(self) -> String {
        let mut v = self.0;
        v = (v & !(0xF << 76)) | (0x8 << 76);
        v = (v & !(0x3 << 62)) | (0x2 << 62);
        let hex = format!("{v:032x}");
        format!(
            "{}-{}-{}-{}-{}",
            &hex[0..8],
            &hex[8..12],
            &hex[12..16],
            &hex[16..20],
            &hex[20..32]
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids_are_well_formed_version_8() {
        let id = Hash::new().with(b"Patient").uuid();
        assert_eq!(id.len(), 36);
        assert_eq!(&id[14..15], "8", "{id}");
        assert!(matches!(&id[19..20], "8" | "9" | "a" | "b"), "{id}");
        assert!(id
            .chars()
            .all(|c| c == '-' || c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
    }

    #[test]
    fn boundaries_between_parts_count() {
        let a = Hash::new().with(b"ab").with(b"c").uuid();
        let b = Hash::new().with(b"a").with(b"bc").uuid();
        assert_ne!(a, b);
        assert_eq!(a, Hash::new().with(b"ab").with(b"c").uuid());
    }
}
