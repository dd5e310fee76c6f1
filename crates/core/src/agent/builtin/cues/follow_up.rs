//! Cues of follow-up needed: requests for documents, answers or forms.
//! Folded (lowercase, no accents) and matched at word starts; a negative weight
//! counts against the category.

#[rustfmt::skip]
pub(crate) const CUES: &[(&str, f64)] = &[
    // English
    ("could you please send", 4.0),
    ("could you send", 3.5),
    ("can you send", 3.5),
    ("please send", 3.0),
    ("send these over", 3.0),
    ("send over", 2.0),
    ("please upload", 3.5),
    ("upload one of the following", 4.0),
    ("please provide", 3.0),
    ("please confirm", 2.0),
    ("can you confirm", 3.0),
    ("could you confirm", 3.0),
    ("confirm whether", 3.0),
    ("confirmation of your right", 3.0),
    ("could you let me know", 2.5),
    ("could you reply", 3.0),
    ("reply with", 2.5),
    ("please reply to this message", 2.5),
    ("references", 3.0),
    ("referees", 3.0),
    ("reference check", 3.0),
    ("right to work", 4.0),
    ("eligibility to work", 4.0),
    ("proof of identity", 4.0),
    ("passport", 2.0),
    ("share code", 2.0),
    ("transcript", 3.5),
    ("degree certificate", 3.5),
    ("notice period", 3.5),
    ("salary expectations", 4.0),
    ("expected salary", 3.5),
    ("visa sponsorship", 3.5),
    ("background check", 4.0),
    ("background screening", 4.0),
    ("pre-employment", 3.5),
    ("screening", 1.0),
    ("questionnaire", 3.0),
    ("fill in the form", 3.5),
    ("fill out the form", 3.5),
    ("complete the form", 3.5),
    ("action required", 3.0),
    ("action needed", 3.0),
    ("new task", 2.5),
    ("complete task", 2.5),
    ("task waiting", 3.0),
    ("documents", 2.0),
    ("document for your file", 3.0),
    ("missing documents", 4.0),
    ("updated cv", 3.0),
    ("up-to-date cv", 2.0),
    ("bank details", 3.0),
    ("payroll", 2.5),
    ("address history", 3.0),
    ("employment history", 2.0),
    ("give your consent", 2.5),
    ("your availability to start", 3.5),
    ("when could you start", 3.5),
    ("earliest start date", 3.5),
    ("before we shortlist", 3.0),
    ("before you start", 1.0),
    ("one more thing", 2.0),
    ("quick question", 1.5),
    ("a few details", 2.5),
    ("a few questions", 2.0),
    ("new starter", 3.0),
    ("first day", 1.0),
    ("dietary requirements", 1.0),
    ("let me know", 0.5),
    ("whenever you get a moment", 1.5),
    ("when you get a chance", 1.5),
    ("please complete the attached", 3.5),
    ("please fill out", 3.5),
    ("please fill in", 3.5),
    ("fill in", 1.5),
    ("kindly send", 3.5),
    ("kindly provide", 3.5),
    ("we still need", 3.0),
    ("we'll need", 2.0),
    ("we will need", 2.0),
    ("we require", 2.5),
    ("required documents", 3.5),
    ("a copy of your", 3.5),
    ("identity document", 3.5),
    ("proof of address", 4.0),
    ("work permit", 3.5),
    ("visa status", 3.0),
    ("your current salary", 3.0),
    ("current compensation", 3.0),
    ("desired salary", 3.5),
    ("compensation expectations", 4.0),
    ("when would you be able to start", 4.0),
    ("available to start", 3.0),
    ("writing sample", 2.5),
    ("consent form", 3.0),
    ("missing information", 3.5),
    ("incomplete", 2.0),
    ("please reply", 2.0),
    ("reply by", 2.0),
    ("at your earliest convenience", 2.0),
    ("answer a few questions", 3.0),
    ("screening questions", 3.0),
    ("short questionnaire", 3.5),
    ("sign and return", 3.0),
    ("send us your", 2.5),
    ("send me your", 2.5),
    ("could you share", 3.0),
    ("can you share", 3.0),
    ("please share your", 2.5),
    ("could you fill", 3.5),
    ("fill in the", 2.5),
    ("candidate form", 3.0),
    ("short form", 2.5),
    // German, French, Spanish, Dutch, Italian, Portuguese
    ("bitte senden sie", 4.0),
    ("senden sie uns", 3.5),
    ("konnten sie uns", 3.0),
    ("fehlende unterlagen", 4.5),
    ("fehlen", 2.0),
    ("nachreichen", 4.0),
    ("arbeitszeugnis", 3.0),
    ("zeugnisse", 2.5),
    ("gehaltsvorstellung", 4.0),
    ("kundigungsfrist", 4.0),
    ("fragebogen", 3.0),
    ("ausfullen", 3.0),
    ("fuhrungszeugnis", 4.0),
    ("referenzen", 3.0),
    ("pourriez-vous nous transmettre", 4.5),
    ("nous transmettre", 3.5),
    ("pourriez-vous", 1.5),
    ("documents suivants", 4.0),
    ("piece d'identite", 4.0),
    ("copie de votre", 3.0),
    ("securite sociale", 3.5),
    ("pretentions salariales", 4.0),
    ("preavis", 3.5),
    ("formulaire", 3.0),
    ("necesitamos que nos envies", 4.5),
    ("nos envies", 3.5),
    ("documentacion", 3.0),
    ("copia del dni", 4.0),
    ("seguridad social", 3.0),
    ("pretensiones salariales", 4.0),
    ("expectativas salariales", 4.0),
    ("preaviso", 3.5),
    ("referencias", 3.0),
    ("podrias enviarme", 3.5),
    ("podrias confirmar", 3.5),
    ("rellenar", 3.0),
    ("toesturen", 3.5),
    ("opsturen", 3.5),
    ("aanleveren", 4.0),
    ("kopie van je", 3.5),
    ("kopie van uw", 3.5),
    ("identiteitsbewijs", 4.0),
    ("verklaring omtrent het gedrag", 4.5),
    ("salarisindicatie", 4.0),
    ("salarisverwachting", 4.0),
    ("opzegtermijn", 4.0),
    ("referenties", 3.0),
    ("invullen", 3.0),
    ("potresti inviarci", 4.5),
    ("potrebbe inviarci", 4.5),
    ("inviarci", 3.5),
    ("documento d'identita", 4.0),
    ("codice fiscale", 3.5),
    ("aspettative economiche", 4.0),
    ("preavviso", 3.5),
    ("referenze", 3.0),
    ("compilare", 3.0),
    ("poderia enviar", 4.0),
    ("pode nos enviar", 4.0),
    ("podes enviar", 4.0),
    ("nos enviar", 3.0),
    ("documento de identificacao", 4.0),
    ("comprovativo", 3.0),
    ("comprovante", 3.0),
    ("pretensao salarial", 4.0),
    ("aviso previo", 3.5),
    ("preencher", 3.0),
    ("iban", 2.5),
    ("kopie ihres", 3.5),
    ("bitte fullen sie", 3.5),
    ("bitte reichen sie", 4.0),
    ("lassen sie uns", 1.5),
    ("zukommen lassen", 3.5),
    ("merci de nous faire parvenir", 4.5),
    ("nous faire parvenir", 4.0),
    ("merci de remplir", 3.5),
    ("justificatif", 3.0),
    ("por favor envianos", 4.0),
    ("envianos", 3.0),
    ("puedes enviarnos", 4.0),
    ("podrias enviarnos", 4.0),
    ("completa el formulario", 3.5),
    ("kun je ons", 3.0),
    ("kunt u ons", 3.0),
    ("wil je ons", 3.0),
    ("wilt u ons", 3.0),
    ("graag ontvangen we", 4.0),
    ("graag ontvangen wij", 4.0),
    ("vog aanvragen", 4.5),
    ("formulier", 2.5),
    ("kopie van", 2.5),
    ("ti chiediamo di inviarci", 4.5),
    ("le chiediamo di", 3.0),
    ("ci invii", 3.5),
    ("ci potresti inviare", 4.5),
    ("modulo", 1.5),
    ("poderia enviar-nos", 4.5),
    ("pode enviar-nos", 4.5),
    ("envie-nos", 4.0),
    ("cartao de cidadao", 4.0),
    ("nif", 2.5),
    ("comprovativo de morada", 4.5),
    ("cv aggiornato", 3.0),
    ("puoi mandare", 3.5),
    ("me lo puoi", 2.5),
    ("mandarmi", 3.0),
    ("inviarmi", 3.0),
    ("cv actualizado", 3.0),
    ("cv atualizado", 3.0),
    ("bijgewerkt cv", 3.0),
    ("aktuellen lebenslauf", 3.0),
    ("cv a jour", 3.0),
    ("falta-nos", 3.5),
    ("consegues enviar", 4.0),
    ("consegues envia", 4.0),
    ("certificado de habilitacoes", 3.0),
    ("certificado", 1.5),
    ("mag ik de contactgegevens", 4.0),
    ("contactgegevens van", 2.5),
    // Swedish, Danish, Norwegian
    ("komplettera din ansokan", 5.0),
    ("vi mangler et par oplysninger", 5.0),
    ("send os venligst", 3.5),
    ("vennligst send oss", 3.5),
    // Finnish
    ("taydenna hakemuksesi", 5.5),
    ("lahetathan", 3.0),
    // Polish
    ("uzupelnij", 3.5),
    ("prosimy o przeslanie", 4.0),
    ("prosze o przeslanie", 4.0),
    // Czech, Slovak, Hungarian, Romanian
    ("prosime o doplneni", 4.0),
    ("prosim o zaslani", 4.0),
    ("podklady k nastupu", 4.5),
    ("prosime o doplnenie", 4.0),
    ("prosim o zaslanie", 4.0),
    ("hianypotlas", 4.5),
    ("kerjuk kuldje", 3.5),
    ("kerjuk, kuldje", 3.5),
    ("te rugam sa ne trimiti", 4.0),
    ("va rugam sa ne trimiteti", 4.0),
    // Catalan
    ("requeriment d'esmena", 5.0),
    ("per esmenar", 4.0),
    ("esmenar", 3.0),
    ("manca la documentacio", 4.5),
    ("heu d'aportar", 4.0),
    ("has d'aportar", 4.0),
    ("ens pots enviar", 3.5),
    ("podries enviar-nos", 4.0),
    ("ens podries enviar", 4.0),
    ("cal que ens facis arribar", 4.5),
    ("us demanem que", 2.5),
    ("et demanem que", 2.5),
    // Returning a signed contract is what an offer asks, not a task of its own.
    ("unterschriebenes exemplar", -2.0),
    // Slovenian
    ("prosimo, da nam posljete", 3.5),
    ("prosimo, da nam dostavite", 4.0),
    ("potrebujemo se", 2.5),
    // Croatian, Serbian, Bosnian
    ("potrebna dokumentacija", 4.5),
    ("molimo vas da nam dostavite", 4.5),
    ("sljedece dokumente", 4.0),
    ("presliku", 2.5),
    ("najraniji moguci datum", 3.0),
    // Greek
    ("δικαιολογητικα", 4.0),
    ("θα χρειαστουμε", 3.0),
    ("θα χρειαστω απο εσας", 4.0),
    ("αντιγραφο", 2.0),
    ("φωτοτυπια", 2.0),
    ("αποδεχθηκατε την προταση", 3.0),
    ("για την αποδοχη", 2.5),
    // Papers missing from an application; questions before a contract.
    ("fehlenden unterlagen", 4.5),
    ("unterlagen fehlen", 4.5),
    ("nachzureichen", 4.5),
    ("nachreichung", 4.5),
    ("a few quick questions", 3.0),
    ("quick questions before", 3.5),
    ("finalising your contract", 2.5),
    ("finalizing your contract", 2.5),
    // Turkish
    ("asagidaki belgeleri", 4.0),
    ("iletmenizi rica ederiz", 3.5),
    ("gondermenizi rica ederiz", 3.5),
    ("eksik belge", 4.5),
    ("maas beklentiniz", 4.0),
    ("ise baslama tarihiniz", 3.0),
    // Polish and Lithuanian
    ("brakujace dokumenty", 4.5),
    ("oczekiwania finansowe", 4.0),
    ("prasome atsiusti", 4.0),
    ("reikalingi dokumentai", 4.5),
    // What is still missing, and questions to answer (Portuguese, Danish, Norwegian, English).
    ("precisavamos que nos indicasse", 4.0),
    ("expectativas salariais", 4.0),
    ("periodo de pre-aviso", 3.5),
    ("mangler vi stadig", 4.0),
    ("manglende dokumenter", 4.0),
    ("du ma gerne sende", 3.5),
    ("trenger vi folgende fra deg", 4.5),
    ("kan du sende dette", 3.5),
    ("to complete your application", 3.0),
    ("unable to assess your application until", 4.5),
    ("requested information", 3.0),
    ("additional information needed", 4.0),
    ("do you hold a valid", 3.5),
    ("one-line reply", 3.0),
    // What is needed after signing (Spanish, English).
    ("necesitamos que nos compartas", 4.5),
    ("copia de tu pasaporte", 3.5),
    ("a few things i need from you", 4.0),
    ("your preferred start date", 3.5),
    // A question to answer before deciding (English, Portuguese).
    ("would that arrangement work for you", 3.5),
    ("a question for you", 3.0),
    ("precisamos que nos envie", 4.5),
    ("precisava que me respondesse", 4.5),
    ("que me respondesse a", 3.5),
    ("duas perguntas", 3.0),
    ("duas questoes", 3.0),
    // What a recruiter needs in writing before putting the person forward.
    ("things i need from you", 4.0),
    ("need from you in writing", 4.0),
    ("current package", 3.0),
    ("leave booked", 3.0),
    // Questions to answer and checks to run before the next step (UK health sector and any trade).
    ("earliest date you could start", 5.0),
    ("earliest you could start", 4.5),
    ("have you handed it in", 3.0),
    ("answer the following", 4.0),
    ("before we can move your application", 3.5),
    ("could you please email me", 3.5),
    ("so that we can run some checks", 4.0),
    ("run some checks", 3.5),
    ("nmc pin", 3.0),
    // A question to answer before the panel.
    ("dealbreaker", 3.0),
    ("would that be a dealbreaker", 4.0),
    ("i need to know before", 3.0),
    // References and notice asked for (Turkish); documents for a residence permit (Dutch).
    ("referans kontrolu", 4.5),
    ("referans bilgileri", 4.0),
    ("iletebilir misiniz", 3.5),
    ("ihbar surenizi", 4.0),
    ("ihbar suresi", 3.5),
    ("dingen van je nodig", 4.5),
    // An application held back until something is added.
    ("needs attention", 3.0),
    ("submitted without", 3.5),
    ("log back in and upload", 4.0),
    ("upload your supporting statement", 4.0),
    // Afrikaans
    ("dokumente benodig", 4.5),
    ("benodig ons asseblief", 4.0),
    ("stuur asseblief", 3.0),
    ("gesertifiseerde afskrif", 3.0),
    ("aanstelling te finaliseer", 3.5),
    // Malay
    ("lengkapkan borang", 3.5),
    ("borang maklumat", 3.5),
    ("sila kemukakan", 3.5),
    ("mohon kemukakan", 3.5),
    ("dokumen berikut", 2.5),
    ("lapor diri", 3.0),
    ("soalan saringan", 4.0),
    ("muat naik", 2.5),
    // Spanish: forms to fill in and sign, payslips, references
    ("que llenes", 3.0),
    ("llenes y firmes", 4.0),
    ("solicitud de empleo adjunta", 3.5),
    ("recibos de nomina", 3.0),
    ("referencias laborales", 3.0),
    // Afrikaans: references, details of
    ("verwysings", 3.0),
    ("besonderhede van", 2.5),
    // Indonesian: forms, documents, a pre-employment medical check-up
    ("mohon lengkapi", 3.5),
    ("mohon melengkapi", 3.5),
    ("mohon kirimkan", 3.0),
    ("mohon dikirimkan", 3.0),
    ("dokumen tambahan", 3.5),
    ("meminta dokumen", 3.5),
    ("formulir data", 3.5),
    ("medical check-up", 3.5),
    ("medical checkup", 3.5),
    ("paklaring", 3.0),
    ("skck", 3.0),
    ("unggah dokumen", 3.0),
    ("mengirimkan dokumen", 3.0),
    ("pra-kerja", 2.5),
    ("diminta untuk", 2.0),
    // Questions to answer before an interview is set
    ("before we schedule", 3.5),
    ("kindly confirm the following", 3.5),
    // Tagalog and Taglish: send, please, what is needed; a visa's medical
    ("pa-send", 2.5),
    ("pakisend", 2.5),
    ("paki-send", 2.5),
    ("i-send po", 2.5),
    ("pakireply", 2.0),
    ("kailangan na po", 2.5),
    ("mangyaring ipadala", 3.0),
    ("mga kailangang gawin", 3.0),
    ("magpa-medical", 3.5),
    ("gamca", 3.0),
    ("visa stamping", 3.0),
    // French: a question before going further
    ("pourriez-vous nous envoyer", 3.5),
    ("pourriez-vous nous indiquer", 3.5),
    ("pourriez-vous nous communiquer", 3.5),
    ("en savoir un peu plus avant", 3.5),
    ("a une question pour vous", 3.5),
    // Brazilian requests: "preciso que você me mande", "consegue me mandar até sexta?".
    ("preciso que voce me mande", 3.5),
    ("preciso que voce me envie", 3.5),
    ("consegue me mandar", 3.0),
    ("consegue me enviar", 3.0),
    ("pode me enviar", 2.5),
    ("preciso de algumas coisinhas", 3.0),
    // Arabic: documents to complete or send, a passport copy.
    ("استكمال مستندات", 5.0),
    ("استكمال المستندات", 5.0),
    ("المستندات المطلوبة", 4.5),
    ("يرجي تزويدنا", 4.5),
    ("يرجي ارسال", 4.0),
    ("صورة جواز السفر", 4.0),
    ("نسخة من جواز", 4.0),
    // Vietnamese: documents to add, salary expectations, notice, references, forms
    ("bo sung ho so", 5.0), // bổ sung hồ sơ
    ("bo sung giay to", 5.0), // bổ sung giấy tờ
    ("vui long bo sung", 4.5), // vui lòng bổ sung
    ("bo sung thong tin", 3.5), // bổ sung thông tin
    ("vui long cung cap", 3.5), // vui lòng cung cấp
    ("cung cap them", 3.0), // cung cấp thêm
    ("vui long gui", 2.0), // vui lòng gửi
    ("gui lai cv", 3.0), // gửi lại CV
    ("ho so con thieu", 4.0), // hồ sơ còn thiếu
    ("con thieu", 2.5), // còn thiếu
    ("chua nhan duoc", 2.0), // chưa nhận được
    ("ban sao bang", 4.0), // bản sao bằng
    ("ban sao cong chung", 4.0), // bản sao công chứng
    ("bang cap", 3.0), // bằng cấp
    ("can cuoc cong dan", 3.5), // căn cước công dân
    ("cccd", 3.5), // CCCD
    ("cmnd", 3.0), // CMND
    ("giay kham suc khoe", 4.0), // giấy khám sức khỏe
    ("so yeu ly lich", 3.0), // sơ yếu lý lịch
    ("anh the 3x4", 3.5), // ảnh thẻ 3x4
    ("ho so nhan viec", 4.5), // hồ sơ nhận việc
    ("muc luong mong muon", 4.5), // mức lương mong muốn
    ("luong ky vong", 4.0), // lương kỳ vọng
    ("muc luong hien tai", 4.0), // mức lương hiện tại
    ("thoi gian bao truoc", 3.5), // thời gian báo trước
    ("co the bat dau lam viec", 4.0), // có thể bắt đầu làm việc
    ("co the nhan viec", 4.0), // có thể nhận việc
    ("nguoi tham chieu", 4.5), // người tham chiếu
    ("thong tin tham chieu", 4.5), // thông tin tham chiếu
    ("kiem tra ly lich", 4.0), // kiểm tra lý lịch
    ("phieu thong tin ung vien", 4.5), // phiếu thông tin ứng viên
    ("dien vao mau", 3.5), // điền vào mẫu
    ("dien form", 3.0), // điền form
    ("dien thong tin", 2.5), // điền thông tin
    ("cho minh xin", 2.0), // cho mình xin
    // Japanese (no spaces: a phrase matches anywhere)
    ("提出ください", 3.0),
    ("提出をお願い", 3.5),
    ("提出期限", 2.0),
    ("返送ください", 2.5),
    ("送付ください", 3.0),
    ("送付をお願い", 3.0),
    ("送付いただけ", 2.5),
    ("添付の上", 2.5),
    ("卒業証明書", 5.0),
    ("成績証明書", 5.0),
    ("見込証明書", 5.0),
    ("見込み証明書", 5.0),
    ("健康診断書", 4.5),
    ("住民票", 4.0),
    ("身分証明書", 4.0),
    ("本人確認書類", 4.0),
    ("在留カード", 4.5),
    ("就労資格", 4.0),
    ("源泉徴収票", 3.5),
    ("年金手帳", 4.0),
    ("雇用保険", 2.5),
    ("振込口座", 3.0),
    ("身元保証書", 4.5),
    ("誓約書", 3.5),
    ("証明写真", 3.0),
    ("入社手続", 3.5),
    ("前職調査", 4.0),
    ("リファレンスチェック", 4.5),
    ("希望年収", 3.0),
    ("入社可能", 4.0),
    ("退職予定", 3.0),
    ("記入の上", 3.0),
    ("必要書類", 3.0),
    ("不備", 3.0),
    ("再提出", 3.5),
    // Turkish, more
    ("ucret beklentin", 4.0),
    ("mevcut maasiniz", 3.5),
    ("ihbar sureniz", 3.5),
    ("ne zaman baslayabil", 4.0),
    ("en erken baslangic", 3.5),
    ("diplomaniz", 3.5),
    ("kimlik fotokopisi", 3.5),
    ("nufus cuzdani", 3.0),
    ("adli sicil", 4.0),
    ("saglik raporu", 3.0),
    ("ikametgah", 3.0),
    ("yerlesim yeri belgesi", 3.0),
    ("askerlik durum", 3.5),
    ("vesikalik", 3.0),
    ("hizmet dokumu", 3.5),
    ("ise giris evrak", 4.5),
    ("ise giris belge", 4.5),
    ("ise giris icin gerekli", 4.0),
    ("formu doldur", 3.5),
    ("formunu doldur", 3.5),
    ("ekteki formu", 3.5),
    ("eksik bilgi", 3.5),
    ("paylasmanizi rica", 3.5),
    ("doldurmanizi rica", 3.5),
    ("yuklemenizi rica", 3.5),
    ("gonderebilir misiniz", 3.0),
    ("paylasabilir misiniz", 2.5),
    ("iletir misiniz", 2.0),
    ("calisma izni", 3.0),
    ("referanslariniz", 3.5),
    ("transkript", 3.0),
    ("sorulari yanitla", 3.5),
    ("on eleme sorulari", 4.0),
    ("guvenlik sorusturmasi", 4.0),
    ("arsiv arastirmasi", 3.5),
    // Finnish, Swedish, Norwegian and Danish, more
    ("toimitathan", 3.5), // fi
    ("lahettaisitko", 3.5), // fi
    ("pyydamme sinua toimittamaan", 4.5), // fi
    ("tutkintotodistu", 4.0), // fi
    ("todistusjaljenn", 4.0), // fi
    ("suosittelij", 3.5), // fi
    ("palkkatoi", 4.0), // fi
    ("irtisanomisa", 3.5), // fi
    ("milloin voisit aloittaa", 4.0), // fi
    ("turvallisuusselvity", 4.0), // fi
    ("rikosrekisteriot", 4.0), // fi
    ("taytathan", 3.5), // fi
    ("hakemuksestasi puuttuu", 4.5), // fi
    ("vanligen skicka", 3.5), // sv
    ("betyg och intyg", 4.0), // sv
    ("examensbevis", 4.0), // sv
    ("tjanstgoringsintyg", 4.0), // sv
    ("tva referenser", 4.0), // sv
    ("loneansprak", 4.5), // sv
    ("uppsagningstid", 3.5), // sv
    ("belastningsregist", 4.0), // sv
    ("nar kan du borja", 3.5), // sv
    ("vitnemal", 4.0), // no
    ("politiattest", 4.0), // no
    ("lonnsforventning", 4.5), // no
    ("oppsigelsestid", 3.5), // no
    ("nar kan du tiltre", 3.5), // no
    ("fylle ut skjema", 3.5), // no
    ("ettersend", 3.5), // no
    ("eksamensbevis", 4.0), // da
    ("straffeattest", 4.0), // da
    ("lonforventning", 4.5), // da
    ("hvornar kan du starte", 3.5), // da
    ("udfylde skema", 3.5), // da
    ("to referencer", 4.0), // da
    // Spanish as Latin America writes it, more: salary expectations, pending documents, an employer's question on a job site, payslips.
    ("pretension salarial", 4.5),
    ("renta liquida pretendida", 4.0),
    ("documentacion pendiente", 5.0),
    ("carga de documentos", 4.5),
    ("te hizo una pregunta", 5.0),
    ("te envio una pregunta", 5.0),
    ("necesitamos que nos completes", 4.5),
    ("necesitamos que nos confirmes", 4.5),
    ("liquidaciones de sueldo", 4.5),
    ("nos haga llegar", 3.5),
    ("podrias incorporarte", 3.0),
    // Japanese, more: current and desired pay, notice, when one could join, a form to fill in.
    ("ご希望年収", 4.0),
    ("現在の年収", 3.5),
    ("入社可能時期", 3.5),
    ("予告期間", 3.0),
    ("他社様の選考状況", 3.0),
    ("他社の選考状況", 3.0),
    ("ご入力をお願い", 4.5),
    ("へのご入力", 4.0),
    ("登録フォーム", 4.0),
    ("入力期限", 4.0),
    // Turkish, more: a few documents needed, a payslip, a diploma.
    ("birkac belgeye ihtiyacim var", 5.0),
    ("belgelere ihtiyacimiz var", 5.0),
    ("maas bordrosu", 4.0),
    ("eksik evrak", 4.5),
    ("lisans diplomasi", 3.0),
    // Korean (Hangul; a phrase matches at a word's start)
    ("제출 요청", 3.5),
    ("제출 부탁", 3.5),
    ("제출해 주시", 3.0),
    ("제출해주시", 3.0),
    ("회신해 주시", 2.5),
    ("보내 주시기", 2.5),
    ("보내주시기", 2.5),
    ("작성해 주시", 3.0),
    ("작성해주시", 3.0),
    ("졸업증명서", 5.0),
    ("성적증명서", 5.0),
    ("경력증명서", 5.0),
    ("재직증명서", 3.5),
    ("학위증명서", 4.5),
    ("주민등록등본", 4.0),
    ("신분증 사본", 4.0),
    ("통장 사본", 3.5),
    ("자격증 사본", 4.5),
    ("원천징수영수증", 3.5),
    ("증빙서류", 4.0),
    ("증빙 서류", 4.0),
    ("추가 서류", 4.0),
    ("서류 보완", 4.0),
    ("희망 연봉", 4.0),
    ("희망연봉", 4.0),
    ("현재 연봉", 3.5),
    ("직전 연봉", 3.5),
    ("입사 가능일", 4.0),
    ("입사가능일", 4.0),
    ("입사 가능 시기", 4.0),
    ("출근 가능일", 4.0),
    ("평판 조회", 4.5),
    ("평판조회", 4.5),
    ("레퍼런스 체크", 4.5),
    ("동의서", 2.5),
    // Romanian, more
    ("te rog sa-mi trimiti", 4.0),
    ("va rog sa-mi trimiteti", 4.0),
    ("te rugam sa ne transmiti", 4.0),
    ("va rugam sa ne transmiteti", 4.0),
    ("ne poti trimite", 2.5),
    ("ne puteti trimite", 2.5),
    ("documentele necesare", 4.0),
    ("actele necesare", 4.0),
    ("dosarul de angajare", 4.5),
    ("acte pentru angajare", 4.5),
    ("documentele lipsa", 4.0),
    ("copie dupa", 3.0),
    ("copie buletin", 4.0),
    ("de identitate", 2.5),
    ("cazier", 4.5),
    ("adeverinta", 2.5),
    ("diploma", 2.0),
    ("fisa de aptitudini", 4.0),
    ("medicina muncii", 3.0),
    ("persoane de referinta", 4.0),
    ("referinte", 3.0),
    ("verificarea referintelor", 4.5),
    ("verificarea antecedentelor", 4.5),
    ("asteptarile salariale", 4.0),
    ("pretentiile salariale", 4.0),
    ("preaviz", 3.5),
    ("ai putea incepe", 3.5),
    ("ati putea incepe", 3.5),
    ("completeaza formularul", 3.0),
    ("completati formularul", 3.0),
    ("mai avem nevoie de", 3.5),
    ("am avea nevoie de", 2.5),
    // Arabic, more: Egyptian and Gulf business Arabic
    ("الراتب المتوقع", 4.5),
    ("راتبك المتوقع", 4.5),
    ("توقعاتك للراتب", 4.5),
    ("توقعاتك المالية", 4.5),
    ("راتبك الحالي", 4.0),
    ("فترة الاشعار", 4.0),
    ("فترة الانذار", 4.0),
    ("متي يمكنك", 2.5),
    ("امتي تقدر", 3.5),
    ("صورة الهوية", 4.0),
    ("صورة من الهوية", 4.0),
    ("بطاقة الرقم القومي", 4.0),
    ("صورة الاقامة", 4.0),
    ("شهادة التخرج", 3.5),
    ("صورة المؤهل", 4.0),
    ("شهادات الخبرة", 4.0),
    ("شهادة الخبرة", 4.0),
    ("فيش جنائي", 4.5),
    ("فيش وتشبيه", 4.5),
    ("صحيفة الحالة الجنائية", 4.5),
    ("حسن السير", 4.0),
    ("التجنيد", 3.0),
    ("الفحص الطبي", 3.5),
    ("المعرفين", 3.5),
    ("جهات مرجعية", 4.0),
    ("تعبئة النموذج", 3.5),
    ("تعبئة نموذج", 3.5),
    ("استمارة", 2.5),
    ("نرجو تزويدنا", 4.5),
    ("برجاء ارسال", 4.0),
    ("الرجاء تزويدنا", 4.5),
    ("ياريت تبعت", 3.5),
    ("الاوراق المطلوبة", 4.5),
    ("اوراق التعيين", 4.5),
    ("عدم ممانعة", 4.0),
    // Ukrainian and Russian: documents for hiring (passport, tax and military papers, diploma), references, pay expectations, start and notice, a form, a security check.
    ("копію паспорта", 4.5), // uk
    ("копію диплома", 4.5), // uk
    ("копії документів", 4.0), // uk
    ("ідентифікаційного коду", 3.5), // uk
    ("військово-облік", 3.5), // uk
    ("рекомендодав", 4.0), // uk
    ("контакти для рекомендацій", 4.5), // uk
    ("зарплатні очікування", 4.5), // uk
    ("зарплатних очікувань", 4.5), // uk
    ("очікування щодо заробітної", 4.5), // uk
    ("заповніть анкету", 4.5), // uk
    ("анкету кандидата", 4.0), // uk, ru
    ("службою безпеки", 3.0), // uk
    ("медогляд", 3.0), // uk
    ("зможете приступити", 4.0), // uk
    ("відпрацюван", 3.0), // uk
    ("просимо надати", 4.0), // uk
    ("документи для працевлаштування", 4.5), // uk
    ("копию паспорта", 4.5), // ru
    ("копию диплома", 4.5), // ru
    ("копии документов", 4.0), // ru
    ("снилс", 4.0), // ru
    ("военный билет", 3.5), // ru
    ("контакты для рекомендаций", 4.5), // ru
    ("рекомендации с предыдущ", 4.5), // ru
    ("зарплатные ожидания", 4.5), // ru
    ("зарплатных ожиданий", 4.5), // ru
    ("ожидания по зарплате", 4.5), // ru
    ("заполните анкету", 4.5), // ru
    ("службой безопасности", 3.0), // ru
    ("сможете приступить", 4.0), // ru
    ("отработк", 3.0), // ru
    ("просим предоставить", 4.0), // ru
    ("документы для оформления", 4.5), // ru
    ("трудовую книжку", 3.0), // ru
];
