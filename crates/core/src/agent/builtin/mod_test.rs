use super::*;

#[test]
fn names_of_one_company_are_matched_fuzzily() {
    assert!(same_company("Lumen Grid", "lumengrid"));
    assert!(same_company("Brackenhurst", "Brackenhurst Energy"));
    assert!(!same_company("Acme", "Acmeville Bank"));
}
