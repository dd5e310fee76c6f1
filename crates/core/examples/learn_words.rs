//! Writes the built-in engine's learned-words table from labelled sets:
//!
//! ```sh
//! cargo run -p jobtrail-core --example learn_words -- OUT SET_DIR...
//! ```
//!
//! `make learn-words` runs it on the corpus sets that have been read (see
//! `tests/fixtures/mail/README.md`); sets kept back to measure new mail stay out.

use std::path::Path;
use std::process::ExitCode;

use jobtrail_core::service::eval::{learned_words, set};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((out, dirs)) = args.split_first().filter(|(_, d)| !d.is_empty()) else {
        eprintln!("usage: learn_words OUT SET_DIR...");
        return ExitCode::from(2);
    };
    let mut sets = Vec::new();
    for dir in dirs {
        match set::from_dir(Path::new(dir)) {
            Ok(s) => sets.push(s),
            Err(e) => {
                eprintln!("{dir}: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    let table = learned_words(&sets);
    if let Err(e) = std::fs::write(out, &table) {
        eprintln!("{out}: {e}");
        return ExitCode::FAILURE;
    }
    let messages: usize = sets.iter().map(|s| s.items.len()).sum();
    println!(
        "{out}: {} words from {messages} messages in {} sets",
        table.lines().count().saturating_sub(1),
        sets.len()
    );
    ExitCode::SUCCESS
}
