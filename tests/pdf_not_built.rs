//! A slac built without the cargo feature `pdf` (`cargo test
//! --no-default-features`): `render --to pdf` is refused by name, exit 2,
//! and no file is written. The PDF itself is tests/pdf.rs.
#![cfg(not(feature = "pdf"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: a broken assumption stops the test with its message"
)]

mod support;
use support::cli::run;

#[test]
fn render_to_pdf_says_this_slac_has_no_pdf_support() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("globex.pdf");
    let failed = run(&[
        "render",
        "contracts/globex-helpdesk.sla",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(failed.code, 2, "{}", failed.stderr);
    assert!(
        failed.stderr.contains("built without PDF support")
            && failed.stderr.contains("nothing was written"),
        "{}",
        failed.stderr
    );
    assert!(!out.exists());
    // The other formats are all there.
    let html = run(&["render", "contracts/globex-helpdesk.sla", "--to", "html"]);
    assert_eq!(html.code, 0, "{}", html.stderr);
}
