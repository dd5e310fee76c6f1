//! Employers named in Japanese, which has no capitals to mark a name and writes no
//! spaces: a name is read beside its legal form ("株式会社ソラトビ", "ミドリ薬品工業株式会社"),
//! from a subject's tag ("【大和屋商事】…"), or where an agency writes a client with its
//! honorific ("東洋テレコム様"). The form is left out, as the other languages' forms are.

/// Legal forms written onto a name, before or after it.
const FORMS: &[&str] = &["株式会社", "合同会社", "有限会社", "（株）", "(株)", "㈱"];

/// A team or department written after an employer's name ("株式会社ソラトビ 採用チーム"):
/// HR, recruitment, the recruiting team, HR and general affairs, the one in charge.
const TEAMS: &[&str] = &[
    "人事総務部",
    "人事部",
    "人事",
    "採用チーム",
    "採用担当",
    "採用事務局",
    "採用",
    "総務部",
];

/// Tags that head a subject but name no employer: a job site's, a reminder, an interview confirmed,
/// an offer's notice, a scout, a survey, a request, a notice, urgent, resent, important.
const NOT_NAMES: &[&str] = &[
    // Job sites writing their own name.
    "ビズリーチ",
    "リクナビ",
    "マイナビ",
    "エン転職",
    "リマインド",
    "確定",
    "連絡",
    "案内",
    "お願い",
    "通知",
    "お知らせ",
    "スカウト",
    "アンケート",
    "番号",
    "重要",
    "再送",
    "至急",
    "更新",
    "内定",
    "面接",
    "選考",
    "応募",
    "求人",
    "募集",
    "新着",
];

/// Words that end a business's name, for a client written with its honorific
/// ("大鳥製薬様", not a person's "田中様"): pharmaceuticals, bank, trading, insurance,
/// industry, electric, securities, chemicals, works, institute, telecom, construction,
/// real estate, life insurance, holdings, group, systems, solutions, technologies.
const BUSINESS_ENDS: &[&str] = &[
    "製薬",
    "薬品",
    "銀行",
    "商事",
    "物産",
    "保険",
    "工業",
    "電機",
    "電気",
    "証券",
    "化学",
    "製作所",
    "研究所",
    "通信",
    "建設",
    "不動産",
    "生命",
    "テレコム",
    "ホールディングス",
    "グループ",
    "システムズ",
    "ソリューションズ",
    "テクノロジーズ",
];

/// Whether `c` can be part of a name written in Japanese: kanji, katakana (with its
/// long-vowel mark and the middle dot joining words), Latin letters and digits, "&".
fn in_name(c: char) -> bool {
    crate::agent::builtin::text::is_kanji_or_katakana(c)
        || matches!(c, '\u{ff66}'..='\u{ff9f}')
        || c.is_ascii_alphanumeric()
        || matches!(c, '&' | '＆' | '・')
}

fn is_hiragana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{309f}')
}

/// The employers `text` names in Japanese, as written (without form, honorific or
/// team), with their weights: a client an agency writes with its honorific outweighs
/// the agency's own name.
pub(super) fn names(text: &str) -> Vec<(&str, f64)> {
    let mut out = Vec::new();
    for form in FORMS {
        for (at, _) in text.match_indices(form) {
            let after = &text[at + form.len()..];
            let end = after.find(|c: char| !in_name(c)).unwrap_or(after.len());
            if let Some(name) = bare(&after[..end]) {
                out.push((name, 3.5));
                continue;
            }
            // "ミドリ薬品工業株式会社から": the name before its form, with a short
            // name-word in hiragana at its start ("さくら損害保険株式会社").
            out.extend(before(&text[..at]).and_then(bare).map(|n| (n, 3.5)));
        }
    }
    // "【大和屋商事】キャリア採用エントリー受付完了のお知らせ": a subject's tag.
    if let Some(tag) = text
        .trim_start()
        .strip_prefix('【')
        .and_then(|r| r.split_once('】'))
        .map(|(tag, _)| tag.trim())
        && !tag.is_empty()
        && !NOT_NAMES.iter().any(|n| tag.contains(n))
        && !tag.chars().any(|c| c.is_ascii_digit())
        && !tag.is_ascii()
    {
        let tag = FORMS
            .iter()
            .fold(tag, |t, f| t.trim_start_matches(f).trim_end_matches(f));
        out.extend(bare(tag).map(|n| (n, 3.0)));
    }
    // "大鳥製薬様ご推薦に向けて", "【東洋テレコム様】": a client with its honorific.
    for (at, _) in text.match_indices('様') {
        if let Some(name) = before(&text[..at])
            && BUSINESS_ENDS.iter().any(|b| name.ends_with(b))
        {
            out.extend(bare(name).map(|n| (n, 6.0)));
        }
    }
    out
}

/// The employer in brackets after a person's name in a sender's name: "森下 大輔（ピクセル
/// フォレスト）".
pub(super) fn beside_person(sender_name: &str) -> Option<&str> {
    let (person, inner) = sender_name.trim().strip_suffix('）')?.split_once('（')?;
    (!person.trim().is_empty() && inner.chars().all(in_name))
        .then_some(inner)
        .and_then(bare)
}

/// The name that ends `text`: name characters back to a boundary, and a hiragana
/// word of at most three letters before them when the boundary follows it.
fn before(text: &str) -> Option<&str> {
    let start = text
        .char_indices()
        .rev()
        .take_while(|(_, c)| in_name(*c))
        .last()
        .map(|(i, _)| i)?;
    let lead: Vec<(usize, char)> = text[..start]
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_hiragana(*c))
        .collect();
    let at_boundary = text[..start - lead.iter().map(|(_, c)| c.len_utf8()).sum::<usize>()]
        .chars()
        .next_back()
        .is_none_or(|c| !in_name(c));
    let from = match lead.last() {
        Some(&(i, _)) if lead.len() <= 3 && at_boundary => i,
        _ => start,
    };
    Some(&text[from..])
}

/// `name` without a team, an honorific or a form left at its end; none when nothing is
/// left or it is only Latin (read as the other languages' names are).
fn bare(name: &str) -> Option<&str> {
    let mut name = name.trim_end_matches('様');
    for team in TEAMS {
        if let Some(n) = name.strip_suffix(team) {
            name = n;
            break;
        }
    }
    for form in FORMS {
        name = name.trim_end_matches(form);
    }
    (name.chars().count() >= 2 && !name.is_ascii()).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_beside_their_forms_tags_and_honorifics() {
        fn first(t: &str) -> Option<&str> {
            names(t).first().map(|(n, _)| *n)
        }
        assert_eq!(
            first("【Green】株式会社ルクス・アナリティクスへの応募が完了しました"),
            Some("ルクス・アナリティクス")
        );
        assert_eq!(
            first("【Green】ミドリ薬品工業株式会社から選考結果のお知らせ"),
            Some("ミドリ薬品工業")
        );
        assert_eq!(
            first("【面接確定】さくら損害保険株式会社様 一次面接のご案内"),
            Some("さくら損害保険")
        );
        assert_eq!(
            first("株式会社カナメ・テクノロジーズ人事 堀内"),
            Some("カナメ・テクノロジーズ")
        );
        assert_eq!(first("【大和屋商事】採用内定のご通知"), Some("大和屋商事"));
        // An agency's client, with its honorific, outweighs a form's name.
        assert_eq!(
            names("大鳥製薬様ご推薦に向けて：職務経歴書ご提出のお願い"),
            [("大鳥製薬", 6.0)]
        );
        assert_eq!(
            beside_person("森下 大輔（ピクセルフォレスト）"),
            Some("ピクセルフォレスト")
        );
        // A tag that is no name, a person with an honorific, Latin mail.
        assert!(names("【リマインド】コーディングテストの受検期限は明日までです").is_empty());
        assert!(names("【ビズリーチ】今週、あなたの職務経歴書が12回閲覧されました").is_empty());
        assert!(names("佐伯 美咲 様").is_empty());
        assert!(names("Thanks for applying to Kumo Robotics!").is_empty());
    }
}
