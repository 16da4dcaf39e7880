//! `slac render --to pdf`: the appendix typeset by the embedded engine (acme
//! in Chinese, globex and lionheart-sg in English), read
//! back: its structure with lopdf, each page's text with poppler's
//! `pdftotext` (lopdf 0.38 cannot parse the ToUnicode maps Typst writes).
//! Every page carries its page number and the fingerprint,
//! the document has the parties and every target, every font is embedded,
//! contract text is never Typst markup, and a Chinese contract on a machine
//! without CJK fonts is a clear error with nothing written.
//!
//! The Chinese PDF needs the Noto CJK fonts (`apt-get install
//! fonts-noto-cjk`), as the README's set-up says, and reading the text needs
//! `pdftotext` (`apt-get install poppler-utils`): without it the tests fail,
//! they never skip.
//!
//! A slac built without the `pdf` feature has none of this: its refusal is
//! tests/pdf_not_built.rs.
#![cfg(feature = "pdf")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: a broken assumption stops the test with its message"
)]

use lopdf::{Dictionary, Document as Pdf, Object};
use slac::model::{Contract, Fill, Lang};
use slac::render::document::{Block, Section};
use slac::render::{self, outline, FontSearch, RenderOptions};

mod support;
use support::cli::{run, run_env};

const FINGERPRINT: &str = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

fn options(lang: Lang) -> RenderOptions {
    RenderOptions {
        lang,
        draft: false,
        fingerprint: FINGERPRINT.to_string(),
        source_name: "contract.sla".to_string(),
    }
}

fn shipped(stem: &str) -> Contract {
    let checked =
        support::project::check_file(std::path::Path::new(&format!("contracts/{stem}.sla")));
    checked
        .model
        .unwrap_or_else(|| panic!("{stem} has no model: {:?}", checked.diagnostics))
}

fn pdf(contract: &Contract, lang: Lang) -> Vec<u8> {
    render::pdf(contract, &options(lang), &FontSearch::System).unwrap_or_else(|e| {
        panic!("no PDF ({e}); the Chinese appendix needs `apt-get install fonts-noto-cjk`")
    })
}

/// Text compared without white space: the PDF breaks lines and may not
/// write spaces as characters.
fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Each page's text (by `pdftotext -f N -l N`), squeezed.
fn pages(bytes: &[u8]) -> Vec<String> {
    let pdf = Pdf::load_mem(bytes).expect("a PDF lopdf reads");
    let count = pdf.get_pages().len();
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("appendix.pdf");
    std::fs::write(&file, bytes).unwrap();
    (1..=count)
        .map(|n| {
            let n = n.to_string();
            let output = std::process::Command::new("pdftotext")
                .args(["-f", &n, "-l", &n, "-enc", "UTF-8"])
                .arg(&file)
                .arg("-")
                .output()
                .expect("pdftotext reads the PDF's text: apt-get install poppler-utils");
            assert!(output.status.success(), "pdftotext failed on page {n}");
            squeeze(&String::from_utf8(output.stdout).unwrap())
        })
        .collect()
}

/// Every cell of the tables of `class` in the sections, squeezed.
fn cells(sections: &[Section], class: &str, out: &mut Vec<String>) {
    for section in sections {
        for block in &section.blocks {
            if let Block::Table(table) = block {
                if table.class == class {
                    for row in &table.rows {
                        out.extend(row.iter().map(|cell| squeeze(&cell.plain())));
                    }
                }
            }
        }
        cells(&section.sections, class, out);
    }
}

/// The PDF of a shipped contract in `lang`: page X of Y and the fingerprint
/// on every page, the id and version on every page when the contract gives
/// them, the parties and every cell of the target tables in the document.
fn every_page_identified(stem: &str, lang: Lang) {
    let contract = shipped(stem);
    let doc = outline::build(&contract, &options(lang));
    let pages = pages(&pdf(&contract, lang));
    let total = pages.len();
    assert!(total >= 2, "{stem}: {total} page(s), expected several");
    let [before, between, after] = doc.running.page_parts();
    let fingerprint = squeeze(&doc.running.fingerprint.plain());
    let ids: Vec<String> = doc
        .running
        .ids
        .iter()
        .map(|r| squeeze(&r.plain()))
        .collect();
    assert!(!ids.is_empty(), "{stem}: the shipped contracts have an id");
    let mut running_free = String::new();
    for (i, page) in pages.iter().enumerate() {
        let number = squeeze(&format!("{before}{}{between}{total}{after}", i + 1));
        assert!(
            page.contains(&number),
            "{stem} page {}: no `{number}` in {page}",
            i + 1
        );
        assert!(
            page.contains(&fingerprint),
            "{stem} page {}: no fingerprint",
            i + 1
        );
        for id in &ids {
            assert!(page.contains(id), "{stem} page {}: no `{id}`", i + 1);
        }
        let mut body = page.replacen(&number, "", 1).replacen(&fingerprint, "", 1);
        for id in &ids {
            body = body.replacen(id, "", 1);
        }
        running_free.push_str(&body);
    }
    for party in [&contract.client, &contract.provider] {
        let Fill::Value(name) = &party.name else {
            panic!("{stem}: a party without a name")
        };
        assert!(
            running_free.contains(&squeeze(name)),
            "{stem}: no party `{name}`"
        );
    }
    let mut targets = Vec::new();
    for class in ["response", "resolution"] {
        cells(&doc.sections, class, &mut targets);
    }
    assert!(targets.len() >= 4, "{stem}: the target tables have cells");
    for cell in &targets {
        assert!(
            running_free.contains(cell.as_str()),
            "{stem}: no target cell `{cell}`"
        );
    }
    // The signature block is never split: both parties' roles and the
    // date lines are on the last page.
    let last = pages.last().unwrap();
    for party in &doc.signatures.parties {
        assert!(
            last.contains(&squeeze(&party.role)),
            "{stem}: signatures split"
        );
    }
}

#[test]
fn acme_in_chinese_has_every_page_identified() {
    every_page_identified("acme-support", Lang::ZhCn);
}

#[test]
fn globex_in_english_has_every_page_identified() {
    every_page_identified("globex-helpdesk", Lang::En);
}

/// The Singapore-law contract: English, no Chinese legal citation.
#[test]
fn lionheart_in_english_has_every_page_identified() {
    every_page_identified("lionheart-sg", Lang::En);
}

/// Every font the pages use, with its font program embedded (what
/// `pdffonts` shows as `emb yes`).
#[test]
fn every_font_is_embedded() {
    let bytes = pdf(&shipped("acme-support"), Lang::ZhCn);
    let pdf = Pdf::load_mem(&bytes).unwrap();
    let mut fonts = 0;
    for (_, page) in pdf.get_pages() {
        for (_, font) in pdf.get_page_fonts(page).unwrap() {
            fonts += 1;
            let descriptor = font_descriptor(&pdf, font);
            assert!(
                ["FontFile", "FontFile2", "FontFile3"]
                    .iter()
                    .any(|key| descriptor.has(key.as_bytes())),
                "a font without an embedded program: {font:?}"
            );
        }
    }
    assert!(fonts >= 2, "serif, sans and mono fonts are used");
}

/// The descriptor of a simple font, or of a Type0 font's descendant.
fn font_descriptor<'a>(pdf: &'a Pdf, font: &'a Dictionary) -> &'a Dictionary {
    let resolve = |object: &'a Object| -> &'a Object {
        match object {
            Object::Reference(id) => pdf.get_object(*id).unwrap(),
            other => other,
        }
    };
    let font = match font.get(b"DescendantFonts") {
        Ok(descendants) => {
            let array = resolve(descendants).as_array().unwrap();
            resolve(&array[0]).as_dict().unwrap()
        }
        Err(_) => font,
    };
    resolve(font.get(b"FontDescriptor").unwrap())
        .as_dict()
        .unwrap()
}

/// Typst's markup characters in party names and terms are only text.
#[test]
fn markup_characters_in_contract_text_are_text() {
    let mut contract = support::acme::acme();
    let client = r"Client #set $x$ *bold* _it_ <label> @ref \ `raw` // not a comment";
    let provider = r"Provider #{panic()} [x] = heading - list + enum 1. ~ ' -- ...";
    contract.client.name = Fill::Value(client.to_string());
    contract.provider.name = Fill::Value(provider.to_string());
    let term = contract.terms.first_mut().expect("acme defines terms");
    term.name = Fill::Value("`#term` <t>".to_string());
    term.definition = Fill::Value(r"a \#b #c $d$ *e* _f_ @g".to_string());
    let text: String = pages(&pdf(&contract, Lang::En)).concat();
    for literal in [client, provider, "`#term` <t>", r"a \#b #c $d$ *e* _f_ @g"] {
        assert!(
            text.contains(&squeeze(literal)),
            "not literal: {literal}\n{text}"
        );
    }
}

#[test]
fn the_same_contract_gives_the_same_bytes() {
    let contract = shipped("globex-helpdesk");
    assert_eq!(pdf(&contract, Lang::En), pdf(&contract, Lang::En));
}

/// A Chinese appendix and no CJK font: exit 2, the package named, and no
/// file written or replaced. English needs no system font (slac has its
/// own Latin fonts).
#[test]
fn without_cjk_fonts_chinese_is_a_clear_error_and_nothing_is_written() {
    let folder = tempfile::tempdir().unwrap();
    let fonts = folder.path().join("no-fonts");
    std::fs::create_dir(&fonts).unwrap();
    let out = folder.path().join("acme.pdf");
    let env = [("SLAC_FONT_DIR", fonts.to_str().unwrap())];
    let args = [
        "render",
        "contracts/acme-support.sla",
        "-o",
        out.to_str().unwrap(),
    ];
    let failed = run_env(&args, &env);
    assert_eq!(failed.code, 2, "{}", failed.stderr);
    assert!(
        failed.stderr.contains("apt-get install fonts-noto-cjk"),
        "{}",
        failed.stderr
    );
    assert!(
        failed.stderr.contains("nothing was written"),
        "{}",
        failed.stderr
    );
    assert!(!out.exists());
    std::fs::write(&out, "before").unwrap();
    assert_eq!(run_env(&args, &env).code, 2);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "before");

    let english = folder.path().join("globex.pdf");
    let ok = run_env(
        &[
            "render",
            "contracts/globex-helpdesk.sla",
            "--to",
            "pdf",
            "-o",
            english.to_str().unwrap(),
        ],
        &env,
    );
    assert_eq!(ok.code, 0, "{}", ok.stderr);
    assert!(std::fs::read(&english).unwrap().starts_with(b"%PDF-"));
}

/// `-o x.pdf` picks PDF by its extension.
#[test]
fn the_pdf_extension_picks_pdf() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("globex.pdf");
    let ok = run(&[
        "render",
        "contracts/globex-helpdesk.sla",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(ok.code, 0, "{}", ok.stderr);
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF-"));
}
