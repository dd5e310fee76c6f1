//! IMAP's modified UTF-7 for folder names (RFC 3501 §5.1.3): `Entwürfe` travels as
//! `Entw&APw-rfe`. Names are kept in UTF-8 everywhere else.

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,";

/// A folder name as sent to the server.
pub fn encode(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut pending: Vec<u16> = Vec::new();
    for c in name.chars() {
        if (' '..='~').contains(&c) {
            flush(&mut out, &mut pending);
            if c == '&' {
                out.push_str("&-");
            } else {
                out.push(c);
            }
        } else {
            let mut buf = [0u16; 2];
            pending.extend_from_slice(c.encode_utf16(&mut buf));
        }
    }
    flush(&mut out, &mut pending);
    out
}

fn flush(out: &mut String, pending: &mut Vec<u16>) {
    if pending.is_empty() {
        return;
    }
    let bytes: Vec<u8> = pending.iter().flat_map(|u| u.to_be_bytes()).collect();
    out.push('&');
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let digits = chunk.len() + 1;
        for i in 0..digits {
            let idx = ((n >> (18 - 6 * i)) & 63) as usize;
            out.push(char::from(B64[idx]));
        }
    }
    out.push('-');
    pending.clear();
}

/// A folder name as the server lists it, in UTF-8; a malformed one is kept as sent.
pub fn decode(wire: &str) -> String {
    try_decode(wire).unwrap_or_else(|| wire.to_owned())
}

fn try_decode(wire: &str) -> Option<String> {
    let mut out = String::with_capacity(wire.len());
    let mut rest = wire;
    while let Some(start) = rest.find('&') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let end = after.find('-')?;
        let run = &after[..end];
        if run.is_empty() {
            out.push('&');
        } else {
            let mut bits = 0u32;
            let mut nbits = 0;
            let mut bytes = Vec::new();
            for c in run.bytes() {
                let v = B64.iter().position(|&b| b == c)? as u32;
                bits = (bits << 6) | v;
                nbits += 6;
                if nbits >= 8 {
                    nbits -= 8;
                    bytes.push((bits >> nbits) as u8);
                    bits &= (1 << nbits) - 1;
                }
            }
            let units: Vec<u16> = bytes
                .chunks_exact(2)
                .map(|p| u16::from_be_bytes([p[0], p[1]]))
                .collect();
            out.push_str(&String::from_utf16(&units).ok()?);
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_match_the_rfc() {
        assert_eq!(encode("INBOX"), "INBOX");
        assert_eq!(encode("[Gmail]/All Mail"), "[Gmail]/All Mail");
        assert_eq!(encode("Entwürfe"), "Entw&APw-rfe");
        assert_eq!(encode("A&B"), "A&-B");
        // RFC 3501's example: "~peter/mail/台北/日本語".
        assert_eq!(
            encode("~peter/mail/\u{53f0}\u{5317}/\u{65e5}\u{672c}\u{8a9e}"),
            "~peter/mail/&U,BTFw-/&ZeVnLIqe-"
        );
        for name in ["Entwürfe", "A&B", "Boîte de réception", "📬 jobs", "日本語"] {
            assert_eq!(decode(&encode(name)), name);
        }
        assert_eq!(decode("&Jjo!"), "&Jjo!", "malformed names are kept as sent");
    }
}
