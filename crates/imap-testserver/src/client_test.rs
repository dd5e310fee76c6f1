//! Tests of `client`.

use super::*;

#[test]
fn mailbox_names_are_modified_utf7() {
    assert_eq!(encode_mailbox_name("[Gmail]/All Mail"), "[Gmail]/All Mail");
    assert_eq!(encode_mailbox_name("A&B"), "A&-B");
    assert_eq!(
        encode_mailbox_name("Bewerbungen/Rückmeldung"),
        "Bewerbungen/R&APw-ckmeldung"
    );
    // RFC 3501's own example.
    assert_eq!(encode_mailbox_name("台北"), "&U,BTFw-");
}

#[test]
fn literal_lengths_are_found_at_line_end_only() {
    assert_eq!(literal_len(b"* 1 FETCH (BODY[] {12}"), Some(12));
    assert_eq!(literal_len(b"a1 APPEND x {5+}"), Some(5));
    assert_eq!(literal_len(b"* OK {not}"), None);
    assert_eq!(literal_len(b"* OK done"), None);
}

#[test]
fn fetch_items_tokenize() {
    let t = tokens(b"(UID 7 FLAGS (\\Seen $Job))");
    let [Token::List(inner)] = t.as_slice() else {
        panic!("one list expected: {t:?}");
    };
    let inner = tokens(inner);
    assert!(
        matches!(&inner[..], [Token::Atom(a), Token::Atom(b), Token::Atom(c), Token::List(_)]
        if a == "UID" && b == "7" && c == "FLAGS")
    );
}

#[test]
fn flags_are_checked() {
    assert!(flag_list(&["\\Seen", "$Job"]).is_ok());
    assert!(flag_list(&["two words"]).is_err());
    assert!(flag_list(&["\\"]).is_err());
    assert!(flag_list(&["x)"]).is_err());
}
