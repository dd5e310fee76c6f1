use std::path::Path;

use jobtrail_core::Store;
use jobtrail_core::schema::{MIGRATIONS, SCHEMA_VERSION};
use jobtrail_core::store::{DB_FILE_NAME, Error};
use rusqlite::Connection;

use crate::temp_store;

fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).expect("read file")
}

#[test]
fn fresh_store_is_migrated_with_wal_and_foreign_keys() {
    let (dir, store, _) = temp_store();
    assert_eq!(
        store.path(),
        dir.path().join(DB_FILE_NAME),
        "one file in the data dir"
    );
    let conn = store.conn();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal", "WAL lets the UI read while an agent writes");
    let fk: i64 = conn
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1, "foreign keys are enforced");
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        version, SCHEMA_VERSION,
        "user_version counts the migrations"
    );
    let ids: Vec<String> = conn
        .prepare("SELECT id FROM schema_migrations ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let expected: Vec<_> = MIGRATIONS.iter().map(|m| m.id.to_owned()).collect();
    assert_eq!(ids, expected, "every migration is recorded once, in order");
}

#[test]
fn migration_ids_are_unique_and_sorted() {
    let ids: Vec<_> = MIGRATIONS.iter().map(|m| m.id).collect();
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(
        ids, sorted,
        "timestamp ids keep migrations in order without clashes"
    );
}

#[test]
fn reopening_applies_nothing_twice() {
    let (dir, store, _) = temp_store();
    drop(store);
    let store = Store::open(dir.path()).expect("reopen");
    let n: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM schema_migrations", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, SCHEMA_VERSION, "no migration ran again");
}

#[test]
fn newer_schema_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DB_FILE_NAME);
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE future (x); INSERT INTO future VALUES (1);")
            .unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 5)
            .unwrap();
    }
    let before = bytes(&path);
    let err = Store::open(dir.path()).expect_err("a newer schema must not be opened");
    assert!(
        matches!(err, Error::NewerSchema { found, .. } if found == SCHEMA_VERSION + 5),
        "got {err:?}"
    );
    let msg = err.to_string();
    assert!(
        msg.contains(&path.display().to_string()),
        "the message names the file: {msg}"
    );
    assert!(msg.contains("newer version"), "the message says why: {msg}");
    assert_eq!(bytes(&path), before, "the file is not modified");
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DB_FILE_NAME);
    let garbage = b"this is a text file, not a database\n".repeat(200);
    std::fs::write(&path, &garbage).unwrap();
    let err = Store::open(dir.path()).expect_err("garbage must not open");
    assert!(matches!(err, Error::NotADatabase { .. }), "got {err:?}");
    assert!(
        err.to_string().contains(&path.display().to_string()),
        "names the file: {err}"
    );
    assert_eq!(bytes(&path), garbage, "the file is not modified");
    assert!(
        !dir.path().join(format!("{DB_FILE_NAME}-wal")).exists(),
        "no WAL file is created next to it"
    );
}

#[test]
fn a_corrupt_database_is_refused_and_left_untouched() {
    let (dir, store, _) = temp_store();
    let path = store.path().to_path_buf();
    drop(store);
    // Keep the 100-byte header, smash the schema page.
    let mut data = bytes(&path);
    for b in data.iter_mut().skip(100).take(3000) {
        *b = 0xA5;
    }
    std::fs::write(&path, &data).unwrap();
    let err = Store::open(dir.path()).expect_err("a corrupt file must not open");
    assert!(
        matches!(err, Error::Corrupt { .. } | Error::NotADatabase { .. }),
        "got {err:?}"
    );
    assert!(
        err.to_string().contains(&path.display().to_string()),
        "names the file: {err}"
    );
    assert_eq!(bytes(&path), data, "the file is not modified");
}

#[test]
fn a_negative_schema_version_is_reported_as_corrupt() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DB_FILE_NAME);
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", -3)
        .unwrap();
    let err = Store::open(dir.path()).expect_err("must not open");
    assert!(matches!(err, Error::Corrupt { .. }), "got {err:?}");
}

#[test]
fn a_data_dir_that_is_a_file_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let not_a_dir = dir.path().join("file");
    std::fs::write(&not_a_dir, "x").unwrap();
    let err = Store::open(&not_a_dir).expect_err("a file is no data dir");
    assert!(matches!(err, Error::DataDir { .. }), "got {err:?}");
    assert_eq!(
        std::fs::read(&not_a_dir).unwrap(),
        b"x",
        "the file is not modified"
    );
}
