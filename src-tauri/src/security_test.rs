//! The webview's limits: the permissions every capability grants and the CSP. A new
//! permission or a looser policy must be a decision, so it fails here until the
//! allowed list below changes with it.

use std::collections::BTreeSet;
use std::path::Path;

/// Everything the UI may call besides the app's commands.
const ALLOWED: &[&str] = &[
    "core:event:allow-listen",
    "core:event:allow-unlisten",
    "dialog:allow-open",
    "dialog:allow-save",
];

fn json(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn capabilities_grant_only_the_allowed_permissions() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("capabilities");
    let mut granted = BTreeSet::new();
    let mut files = 0;
    for entry in std::fs::read_dir(&dir).expect("capabilities dir") {
        let path = entry.expect("entry").path();
        files += 1;
        assert_eq!(
            path.extension().and_then(|e| e.to_str()),
            Some("json"),
            "{}: capabilities are JSON here, so this test reads them all",
            path.display()
        );
        let cap = json(&path);
        assert_eq!(
            cap["windows"],
            serde_json::json!(["main"]),
            "{}",
            path.display()
        );
        assert!(
            cap.get("remote").is_none(),
            "{}: no remote URL may call the app",
            path.display()
        );
        for p in cap["permissions"].as_array().expect("permissions") {
            // A permission with a scope is an object with an identifier.
            let id = p
                .as_str()
                .or_else(|| p["identifier"].as_str())
                .expect("identifier");
            granted.insert(id.to_owned());
        }
    }
    assert!(files > 0);
    let allowed: BTreeSet<String> = ALLOWED.iter().map(|s| (*s).to_owned()).collect();
    let extra: Vec<_> = granted.difference(&allowed).collect();
    assert!(
        extra.is_empty(),
        "permissions beyond the allowed list: {extra:?}"
    );
}

#[test]
fn the_csp_allows_no_inline_script_and_no_remote_origin() {
    let conf = json(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tauri.conf.json"));
    let csp = &conf["app"]["security"]["csp"];
    assert_eq!(csp["default-src"], "'self'");
    assert_eq!(csp["script-src"], "'self'");
    assert_eq!(csp["object-src"], "'none'");
    for (directive, value) in csp.as_object().expect("csp as an object") {
        let value = value.as_str().expect("a string");
        assert!(
            !value.contains("unsafe-inline") && !value.contains("unsafe-eval"),
            "{directive}: {value}"
        );
        assert!(
            !value.contains("https:") && !value.contains('*'),
            "{directive} allows remote origins: {value}"
        );
    }
    assert_eq!(conf["app"]["security"]["freezePrototype"], true);
    assert!(
        conf["app"]["withGlobalTauri"].as_bool() != Some(true),
        "no global Tauri object for injected script"
    );
}
