//! `jobtrail eval email-analyst` on the labelled corpus (`tests/fixtures/mail`), with
//! the built-in engine: the JSON report's shape and arithmetic (counts, matrix sums,
//! rates within 0–1, cost), not its accuracy; and what it refuses.

use std::path::{Path, PathBuf};

use serde_json::Value;

use super::{jobtrail, json_err, json_ok};

fn corpus(set: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/mail")
        .join(set)
}

fn eml_count(dir: &Path) -> u64 {
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        if entry.path().is_dir() {
            n += eml_count(&entry.path());
        } else if entry.path().extension().is_some_and(|e| e == "eml") {
            n += 1;
        }
    }
    n
}

fn rate(v: &Value) -> f64 {
    let r = v.as_f64().unwrap_or_else(|| panic!("a rate: {v}"));
    assert!((0.0..=1.0).contains(&r), "{r}");
    r
}

#[test]
fn the_report_on_the_holdout_set_adds_up() {
    let data = tempfile::tempdir().unwrap();
    let set = corpus("holdout");
    let report = json_ok(&jobtrail(
        data.path(),
        &[
            "--json",
            "eval",
            "email-analyst",
            "--dir",
            set.to_str().unwrap(),
            "--engine",
            "builtin",
        ],
    ));
    let n = eml_count(&set);
    assert_eq!(report["sets"][0]["n"], n);
    let r = &report["results"][0];
    assert_eq!(r["engine"], "builtin");
    assert_eq!(r["n"], n);
    let matrix = r["confusion"]["matrix"].as_array().unwrap();
    let labels = r["confusion"]["labels"].as_array().unwrap();
    assert_eq!(labels.len(), 8);
    assert_eq!(matrix.len(), 8);
    let cell = |i: usize, j: usize| matrix[i][j].as_u64().unwrap();
    let total: u64 = (0..8)
        .flat_map(|i| (0..8).map(move |j| (i, j)))
        .map(|(i, j)| cell(i, j))
        .sum();
    assert_eq!(total + r["failed"].as_u64().unwrap(), n);
    let diagonal: u64 = (0..8).map(|i| cell(i, i)).sum();
    assert_eq!(diagonal, r["correct"].as_u64().unwrap());
    let accuracy = rate(&r["accuracy"]);
    assert!((accuracy - diagonal as f64 / n as f64).abs() < 1e-9);
    // Each row sums to the category's count in the set.
    for (i, label) in labels.iter().enumerate() {
        let row: u64 = (0..8).map(|j| cell(i, j)).sum();
        let label = label.as_str().unwrap();
        assert_eq!(row, eml_count(&set.join(label)), "{label}");
        let c = &r["perCategory"][label];
        for k in ["precision", "recall", "f1"] {
            if !c[k].is_null() {
                rate(&c[k]);
            }
        }
    }
    assert_eq!(r["cost"], 0.0, "the built-in engine is free");
    let prefilter = &report["sets"][0]["prefilter"];
    let count = |k: &str| prefilter[k].as_u64().unwrap();
    assert_eq!(count("jobMail") + count("otherMail"), n);
    assert!(count("jobSkipped") <= count("jobMail") && count("otherSkipped") <= count("otherMail"));
    // Each skipped job mail is named.
    assert_eq!(
        prefilter["jobSkippedItems"].as_array().map(Vec::len),
        Some(count("jobSkipped") as usize)
    );
    let extraction = &r["extraction"];
    let (company, role) = (rate(&extraction["company"]), rate(&extraction["role"]));
    // Every message with a wrong company or role is listed, once.
    let scored = extraction["n"].as_f64().unwrap();
    let misses = extraction["misses"].as_array().unwrap().len() as f64;
    let (wrong_company, wrong_role) = ((1.0 - company) * scored, (1.0 - role) * scored);
    assert!(
        misses + 1e-9 >= wrong_company.max(wrong_role),
        "{misses} misses"
    );
    assert!(
        misses <= wrong_company + wrong_role + 1e-9,
        "{misses} misses"
    );
    let banded: u64 = r["calibration"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["n"].as_u64().unwrap())
        .sum();
    assert_eq!(banded, total);
}

#[test]
fn a_model_engine_without_a_model_and_unknown_folders_are_refused() {
    let data = tempfile::tempdir().unwrap();
    let set = corpus("holdout");
    let out = super::bin()
        .args(["--data-dir"])
        .arg(data.path())
        .args(["--json", "eval", "email-analyst", "--dir"])
        .arg(&set)
        .args(["--engine", "llm"])
        .env_remove("OPENAI_API_KEY")
        .env_remove("OPENAI_BASE_URL")
        .output()
        .unwrap();
    let e = json_err(&out, 2);
    assert_eq!(e["field"], "engine", "{e}");

    let odd = tempfile::tempdir().unwrap();
    std::fs::create_dir(odd.path().join("interviews")).unwrap();
    let e = json_err(
        &jobtrail(
            data.path(),
            &[
                "--json",
                "eval",
                "email-analyst",
                "--dir",
                odd.path().to_str().unwrap(),
            ],
        ),
        2,
    );
    let msg = e["message"].as_str().unwrap();
    assert!(
        msg.contains("interview_invite") && msg.contains("follow_up_needed"),
        "{msg}"
    );
}
