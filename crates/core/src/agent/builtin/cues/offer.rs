//! Cues of offer: offers, contracts and agreements to sign.
//! Folded (lowercase, no accents) and matched at word starts; a negative weight
//! counts against the category.

#[rustfmt::skip]
pub(crate) const CUES: &[(&str, f64)] = &[
    // English
    ("offer you the position", 5.5),
    ("offer you the role", 5.5),
    ("offer you a position", 5.5),
    ("offer you the job", 5.5),
    ("like to offer you", 5.5),
    ("pleased to offer", 5.5),
    ("delighted to offer", 5.5),
    ("happy to offer", 5.0),
    ("extend an offer", 5.5),
    ("extend you an offer", 5.5),
    ("extend to you an offer", 5.5),
    ("an offer of employment", 5.5),
    ("offer of employment", 5.0),
    ("job offer", 3.0),
    ("offer letter", 4.5),
    ("your offer", 3.0),
    ("formal offer", 4.0),
    ("verbal offer", 4.5),
    ("written offer", 4.0),
    ("updated offer", 4.0),
    ("revised offer", 4.5),
    ("improve our offer", 4.5),
    ("come back with an offer", 5.5),
    ("with an offer", 3.0),
    ("the offer", 1.0),
    ("welcome you to the team", 4.5),
    ("welcome to the team", 3.0),
    ("love you to join", 4.5),
    ("love for you to join", 4.5),
    ("like you to join", 4.0),
    ("bring you on board", 4.5),
    ("have you on board", 3.0),
    ("want you on the team", 3.0),
    ("we want you as", 4.0),
    ("like to have you with us", 3.5),
    ("love to have you with us", 3.5),
    ("here's what we can do", 3.0),
    ("what we'd like to put forward", 3.5),
    ("term sheet", 2.0),
    ("formal agreement", 2.5),
    ("formal contract", 2.5),
    ("monthly salary", 2.0),
    ("annual bonus", 1.5),
    ("vesting", 1.5),
    ("they want you", 3.0),
    ("it's official", 3.0),
    ("congratulations", 2.0),
    ("base salary", 2.0),
    ("salary of", 1.5),
    ("package is", 2.0),
    ("the package", 1.5),
    ("sign-on bonus", 3.0),
    ("signing bonus", 3.0),
    ("equity grant", 2.0),
    ("share options", 1.0),
    ("stock options", 1.0),
    ("start date", 1.0),
    ("contract attached", 3.0),
    ("your contract", 2.5),
    ("employment agreement", 4.5),
    ("employment contract", 4.5),
    ("contract of employment", 4.5),
    ("sign where indicated", 3.0),
    ("document to sign", 2.5),
    ("review and sign", 2.5),
    ("accept or decline", 3.0),
    ("accept directly", 2.0),
    ("say yes", 2.0),
    ("your decision by", 2.0),
    ("for accepting", -6.0),
    ("accepted the offer", -6.0),
    ("accepted our offer", -6.0),
    ("accepting the", -4.0),
    ("accepted the", -3.0),
    ("to another candidate", -5.0),
    ("counter-offer", -2.0),
    // An offer still being written asks for something first: "we are preparing your
    // offer letter … Before we release it, could you please confirm".
    ("are preparing your offer", -3.5),
    ("before we release it", -2.5),
    ("negotiation", -1.0),
    ("excited to offer", 5.5),
    ("thrilled to offer", 5.5),
    ("pleasure to offer", 5.5),
    ("make you an offer", 5.5),
    ("making you an offer", 5.5),
    ("offer details", 3.5),
    ("offer package", 4.0),
    ("compensation package", 3.0),
    ("annual salary", 2.0),
    ("gross salary", 2.0),
    ("per annum", 1.5),
    ("joining date", 2.0),
    ("sign the offer", 3.5),
    ("accept the offer", 2.5),
    ("offer expires", 3.5),
    ("signed copy", 2.0),
    ("please sign", 2.0),
    ("your employment", 1.5),
    ("terms of employment", 3.0),
    ("we'd like you to join", 4.5),
    ("we would like you to join", 4.5),
    ("cannot offer you", -6.0),
    ("can't offer you", -6.0),
    ("unable to offer you", -6.0),
    ("not able to offer you", -6.0),
    ("not offer you", -6.0),
    // An offer passed on by an agency or said out loud.
    ("they're offering you", 5.0),
    ("they are offering you", 5.0),
    ("are offering you the", 4.5),
    ("verbal yes", 3.5),
    ("offer them a verbal", 3.5),
    // Terms put in writing before the contract: pay, equity and its vesting.
    ("putting it in writing", 2.5),
    ("have it in writing", 2.5),
    ("in options", 2.0),
    ("1-year cliff", 2.5),
    ("one-year cliff", 2.5),
    ("terms sheet", 2.5),
    ("draft the contract", 2.5),
    ("contract will land", 2.5),
    // Spanish and French, addressed as "tú" and "tu".
    ("que te unieras a nosotros", 4.5),
    ("te adjunto el contrato", 4.0),
    ("t'accueillir", 2.5),
    ("ton contrat de travail", 4.0),
    ("c'est officiel", 2.5),
    // German, French, Spanish, Dutch, Italian, Portuguese
    ("vertragsangebot", 5.5),
    ("angebot", 2.5),
    ("arbeitsvertrag", 3.5),
    ("willkommen an bord", 3.5),
    ("fur unser team gewinnen", 4.0),
    ("gewinnen zu durfen", 3.5),
    ("jahresbruttogehalt", 2.5),
    ("unterschriebenen vertrag", 3.0),
    ("anbieten zu konnen", 4.5),
    ("anbieten mochten", 4.5),
    ("bruttojahresgehalt", 2.5),
    ("jahresgehalt", 2.0),
    ("willkommen im team", 4.0),
    ("zusage", 3.0),
    ("proposition d'embauche", 5.5),
    ("promesse d'embauche", 5.5),
    ("vous proposer le poste", 5.5),
    ("proposer le poste", 5.0),
    ("remuneration annuelle", 2.5),
    ("date d'arrivee", 2.0),
    ("vous accueillir", 2.5),
    ("oferta de empleo", 5.5),
    ("oferta de trabajo", 5.5),
    ("ofrecerte el puesto", 5.5),
    ("ofrecerle el puesto", 5.5),
    ("carta oferta", 4.5),
    ("enhorabuena", 2.0),
    ("salario bruto", 2.0),
    ("fecha de incorporacion", 2.0),
    ("propuesta de incorporacion", 5.0),
    ("propuesta de contratacion", 5.0),
    ("proposta de contratacao", 5.0),
    ("proposta de admissao", 5.0),
    ("contrato indefinido", 2.0),
    ("arbeidsovereenkomst", 4.0),
    ("contractvoorstel", 4.5),
    ("aanbod", 2.5),
    ("functie aan te bieden", 5.5),
    ("gefeliciteerd", 2.0),
    ("welkom in het team", 4.0),
    ("arbeidsvoorwaarden", 2.5),
    ("offerta di lavoro", 5.5),
    ("proposta di assunzione", 5.5),
    ("lettera di offerta", 5.0),
    ("offrirti la posizione", 5.5),
    ("offrirle la posizione", 5.5),
    ("congratulazioni", 2.0),
    ("benvenuto nel team", 4.0),
    ("benvenuta nel team", 4.0),
    ("proposta de emprego", 5.5),
    ("proposta de trabalho", 5.5),
    ("carta-proposta", 4.5),
    ("carta proposta", 4.5),
    ("oferecer a vaga", 5.5),
    ("oferecer-lhe", 4.0),
    ("parabens", 2.0),
    ("bem-vindo a equipa", 4.0),
    ("bem-vindo a equipe", 4.0),
    ("angebot angenommen", -6.0),
    ("aceptado la oferta", -6.0),
    ("accepte notre proposition", -6.0),
    ("accepte notre offre", -6.0),
    ("aanbod geaccepteerd", -6.0),
    ("accettato la nostra", -6.0),
    ("aceitou a proposta", -6.0),
    ("aceite da proposta", -4.0),
    ("een aanbod te doen", 5.5),
    ("aanbod doen", 5.0),
    ("arbeidsvoorwaardenvoorstel", 5.0),
    ("willen je graag aannemen", 5.0),
    ("vast contract", 2.0),
    ("bruto per maand", 4.0),
    ("contract", 1.0),
    ("je eerste werkdag", 2.0),
    ("felicidades", 1.5),
    ("nos complace ofrecerte", 5.5),
    ("ofrecerte", 3.5),
    ("ofrecerle", 3.5),
    ("nous avons le plaisir de vous proposer", 5.5),
    ("vous proposer", 2.5),
    ("lieti di offrirti", 5.5),
    ("lieti di offrirle", 5.5),
    ("offrirti", 3.5),
    ("offrirle", 3.5),
    ("contratto a tempo indeterminato", 3.0),
    ("prazer de lhe oferecer", 5.5),
    ("temos o prazer", 2.5),
    ("oferecer-te", 4.0),
    ("gerne anbieten", 4.5),
    ("freuen uns, ihnen", 2.0),
    ("ihnen die stelle", 3.5),
    ("bieden we je", 4.0),
    ("bieden je de functie", 5.5),
    ("bij ons wilt komen werken", 4.0),
    ("kom je bij ons werken", 3.0),
    ("nossa proposta", 4.0),
    ("proposta formal", 4.0),
    ("apresentar a nossa proposta", 5.0),
    ("brutos anuais", 2.5),
    ("tenho o prazer", 2.5),
    ("lettera di assunzione", 5.5),
    ("restituirla firmata", 3.0),
    ("firmata", 2.0),
    ("inizio previsto", 2.0),
    ("ral di", 2.5),
    ("nuestra propuesta", 4.0),
    ("notre proposition", 4.0),
    ("ons voorstel", 3.0),
    ("unser angebot", 4.0),
    ("foste selecionado", 5.0),
    ("foste selecionada", 5.0),
    ("foi selecionado", 4.5),
    ("foi selecionada", 4.5),
    ("selecionado para a posicao", 4.5),
    ("contrato para assinatura", 4.0),
    ("para assinatura", 3.0),
    ("you've been selected for", 5.0),
    ("selected for the role", 4.5),
    ("selected for the position", 4.5),
    ("we willen graag met je verder", 4.5),
    ("met je verder als", 4.0),
    ("vakantiegeld", 2.0),
    // Swedish, Danish, Norwegian
    ("erbjudande om anstallning", 6.0),
    ("erbjuda dig tjansten", 6.0),
    ("erbjuda dig en tjanst", 6.0),
    ("jobberbjudande", 5.0),
    ("anstallningsavtal", 4.5),
    ("tilbud om ansaettelse", 6.0),
    ("tilbyde dig stillingen", 6.0),
    ("ansaettelseskontrakt", 4.5),
    ("jobtilbud", 5.0),
    ("tilbud om stilling", 6.0),
    ("tilbud om ansettelse", 6.0),
    ("tilby deg stillingen", 6.0),
    ("jobbtilbud", 5.0),
    ("arbeidsavtale", 4.5),
    // Finnish
    ("tyotarjous", 6.0),
    ("tarjota sinulle", 5.0),
    ("tarjoamme sinulle", 5.0),
    ("tyosopimus", 4.5),
    // Polish ("oferta pracy" is also a job advert)
    ("propozycja zatrudnienia", 6.0),
    ("oferta zatrudnienia", 6.0),
    ("oferta wspolpracy", 4.5),
    ("chcielibysmy zaproponowac", 4.5),
    ("umowa o prace", 4.5),
    ("tilbud om fast stilling", 6.0),
    ("conditional offer", 5.0),
    // Estonian, Latvian, Lithuanian
    ("toopakkumine", 6.0),
    ("toopakkumise", 6.0),
    ("darba piedavajum", 6.0),
    ("darbo pasiulym", 6.0),
    // Czech, Slovak
    ("nabidka pracovniho mista", 6.0),
    ("radi bychom vam nabidli pozici", 6.0),
    ("radi bychom vam nabidli", 4.5),
    ("pracovni smlouv", 4.0),
    ("pracovna ponuka", 5.5),
    ("radi by sme vam ponukli", 6.0),
    ("pracovnu zmluvu", 4.0),
    ("pracovna zmluva", 4.0),
    // Hungarian
    ("allasajanlat", 5.5),
    ("szeretnenk ajanlatot", 5.0),
    ("munkaszerzodes", 4.0),
    // Romanian
    ("oferta de angajare", 6.0),
    ("contractul de munca", 4.5),
    ("contract de munca", 4.5),
    ("sa iti oferim", 4.5),
    ("sa va oferim postul", 5.5),
    // Catalan
    ("donar-te oficialment la benvinguda", 6.0),
    ("benvinguda a l'equip", 4.0),
    ("benvingut a l'equip", 4.0),
    ("contracte de treball", 4.0),
    ("la incorporacio seria", 4.0),
    ("data d'incorporacio", 3.5),
    ("et volem fer una oferta", 6.0),
    ("ens complau oferir-te", 6.0),
    ("proposta d'incorporacio", 5.0),
    ("retribucio", 2.0),
    // French: "nous souhaitons vous engager en qualité de".
    ("nous souhaitons vous engager", 6.0),
    ("vous engager en qualite de", 6.0),
    ("proposition d'engagement", 5.0),
    ("salaire annuel brut", 3.5),
    ("entree en fonction", 3.0),
    ("le contrat de travail vous parviendra", 4.5),
    // "follow our job offers": postings, not an offer.
    ("our job offers", -3.0),
    ("follow our job", -3.0),
    // German contracts sent for signing.
    ("ihren arbeitsvertrag", 4.5),
    ("in zweifacher ausfertigung", 3.5),
    ("unterschriebenes exemplar", 3.0),
    ("mochten sie ab dem", 3.5),
    // Slovenian
    ("ponudba za zaposlitev", 6.0),
    ("ponujamo vam zaposlitev", 6.0),
    ("ste bili izbrani", 4.5),
    ("osnutek pogodbe", 3.5),
    // Croatian, Serbian, Bosnian
    ("ponuda za zaposlenje", 6.0),
    ("ponuda za posao", 6.0),
    ("ponuditi radno mjesto", 5.5),
    ("prihvacate li ponudu", 4.5),
    ("odabrani ste", 4.5),
    // Greek
    ("προταση απασχολησης", 6.0),
    ("προταση εργασιας", 6.0),
    ("επιστολη προτασης", 5.0),
    ("αναθεωρημενη προταση", 4.5),
    ("να σας εχουμε στην ομαδα", 4.5),
    ("μικτες μηνιαιες αποδοχες", 3.0),
    ("μικτα τον μηνα", 3.0),
    ("αποδεχθηκατε την προταση", -4.0),
    ("για την αποδοχη", -3.0),
    // Austrian and German welcomes with the contract.
    ("in unserem team begrussen zu durfen", 5.0),
    ("ihr dienstvertrag", 4.5),
    ("ihren dienstvertrag", 4.5),
    ("bruttomonatsgehalt", 2.5),
    // Turkish
    ("is teklifi", 6.0),
    ("teklif mektubu", 6.0),
    ("teklif etmekten mutluluk", 5.5),
    ("ekibimize katilmaniz", 4.0),
    ("brut maas", 2.5),
    // Polish and Lithuanian
    ("przedstawic oferte", 4.5),
    ("przedstawiamy oferte", 5.0),
    ("umowe o prace", 3.5),
    ("witamy na pokladzie", 4.0),
    ("siulome jums", 3.0),
    ("darbo sutart", 3.0),
    // Austrian contracts.
    ("dienstvertrag", 4.5),
    ("dienstantritt", 3.5),
    ("kollektivvertrag", 3.0),
    ("zusammengefunden", 3.0),
    // Offers in plain words (Spanish, and an agency's 'they want you').
    ("nos encantaria que te incorporaras", 5.0),
    ("la carta con las condiciones", 4.0),
    ("want you for the", 4.0),
    ("formal contract will follow", 4.0),
    // An offer in plain words, or a letter of appointment (Australia, Singapore).
    ("love you to come on board", 5.0),
    ("come on board as", 4.0),
    ("pleased to appoint you", 6.0),
    ("appoint you to the position", 6.0),
    ("letter of appointment", 5.0),
    ("formal letter and contract", 4.0),
    ("formal paperwork will come", 4.0),
    ("salient terms", 3.0),
    ("looking forward to having you", 3.0),
    // An appointment offered, a package moved, a statement of terms to sign (UK public and private sector).
    ("like to appoint you", 6.0),
    ("appoint you to the above post", 6.0),
    ("starting salary will be", 4.0),
    ("updated package", 4.0),
    ("revised letter", 4.0),
    ("strong package", 3.0),
    ("love you to come and be", 5.0),
    ("were unanimous", 2.5),
    ("statement of main terms", 5.0),
    ("main terms", 3.0),
    ("sign it when you're ready", 3.5),
    ("really like you to join", 4.5),
    // An offer in a US hiring manager's or recruiter's words.
    ("ready to accept", 4.0),
    ("updated paperwork", 3.0),
    ("comp committee", 3.0),
    ("we want you on", 4.0),
    ("send the formal letter", 4.0),
    ("formal letter", 3.0),
    ("before the paperwork shows up", 3.5),
    ("wants to bring you on", 5.0),
    ("bring you on for", 4.5),
    ("here's what they approved", 3.5),
    ("if you're a yes", 3.5),
    ("you earned this", 3.0),
    ("formal paperwork", 3.0),
    // Afrikaans
    ("aanbod van diens", 5.0),
    ("aanstellingsbrief", 4.5),
    ("bied u graag", 3.5),
    ("bied jou graag", 3.5),
    // French and Spanish: the will to see you join, the contract on its way
    ("vous voir rejoindre", 4.0),
    ("votre contrat de travail vous parviendra", 4.0),
    ("conditions convenues", 3.0),
    ("te enviaremos el contrato", 3.5),
    // Malay
    ("surat tawaran", 4.0),
    ("tawaran jawatan", 4.5),
    ("tawaran pelantikan", 5.0),
    ("surat pelantikan", 4.5),
    ("bersetuju untuk melantik", 4.5),
    ("meluluskan pelantikan", 4.5),
    ("menerima tawaran ini", 4.0),
    ("pakej yang ditawarkan", 4.0),
    ("gaji pokok", 2.0),
    // A negotiated offer confirmed
    ("updated letter", 3.0),
    ("as your monthly base", 3.5),
    ("guaranteed bonus", 2.5),
    // Spanish: terms proposed
    ("invitarte a integrarte", 4.5),
    ("las condiciones que te proponemos", 4.5),
    ("confirmando tu aceptacion", 4.0),
    ("sueldo base", 2.5),
    // Indonesian: a job offer, its letter, a fixed-term contract (PKWT)
    ("surat penawaran kerja", 5.0),
    ("penawaran kerja", 4.5),
    ("offering letter", 4.5),
    ("menawarkan posisi", 4.5),
    ("dengan senang hati menawarkan", 4.5),
    ("tanggal mulai bekerja", 3.0),
    ("pkwt", 3.0),
    ("pkwtt", 3.0),
    ("untuk menerima bapak sebagai", 4.5),
    ("untuk menerima ibu sebagai", 4.5),
    ("untuk menerima anda sebagai", 4.5),
    ("surat penawaran resmi", 4.0),
    ("penerimaan penawaran", 3.5),
    // Tagalog and Taglish: "approved na po kayo", "job offer galing sa employer"
    ("approved na po kayo", 4.0),
    ("has selected you for the position", 4.5),
    ("job offer galing", 4.0),
    ("ikinagagalak naming", 3.0),
    // Brazilian offers: "a gente quer muito ter você com a gente como …", the package to go through.
    ("ter voce com a gente como", 4.0),
    ("ter voce no time como", 4.0),
    ("ter voce no nosso time", 3.5),
    ("detalhes do pacote", 2.5),
    ("segue o contrato", 3.0),
    // Arabic: a job offer, its letter, we are pleased to offer you.
    ("عرض وظيفي", 5.5),
    ("خطاب عرض", 5.5),
    ("عرض العمل", 4.5),
    ("يسعدنا ان نعرض عليك", 5.5),
    ("يسرنا ان نعرض عليك", 5.5),
    ("عقد العمل", 4.0),
    // Vietnamese: an offer letter, being hired, the contract, pay and start date
    ("thu moi nhan viec", 6.0), // thư mời nhận việc
    ("moi nhan viec", 4.5), // mời nhận việc
    ("thu moi lam viec", 5.5), // thư mời làm việc
    ("loi moi lam viec", 5.0), // lời mời làm việc
    ("thu offer", 4.5), // thư offer
    ("gui offer", 4.0), // gửi offer
    ("gui ban offer", 4.5), // gửi bạn offer
    ("chuc mung ban da trung tuyen", 6.0), // chúc mừng bạn đã trúng tuyển
    ("trung tuyen", 4.0), // trúng tuyển
    ("tiep nhan ban vao lam viec", 5.0), // tiếp nhận bạn vào làm việc
    ("dong y tiep nhan ban", 4.0), // đồng ý tiếp nhận bạn
    ("duoc lua chon cho vi tri", 4.5), // được lựa chọn cho vị trí
    ("de nghi tuyen dung", 4.5), // đề nghị tuyển dụng
    ("de nghi lam viec", 4.5), // đề nghị làm việc
    ("chinh thuc tro thanh", 3.0), // chính thức trở thành
    ("chao mung ban gia nhap doi ngu", 4.5), // chào mừng bạn gia nhập đội ngũ
    ("gia nhap dai gia dinh", 3.5), // gia nhập đại gia đình
    ("hop dong lao dong", 4.0), // hợp đồng lao động
    ("hop dong thu viec", 4.5), // hợp đồng thử việc
    ("ky hop dong", 3.5), // ký hợp đồng
    ("ky va gui lai", 3.0), // ký và gửi lại
    ("xac nhan nhan viec", 4.0), // xác nhận nhận việc
    ("ngay nhan viec", 3.5), // ngày nhận việc
    ("ngay bat dau lam viec", 2.5), // ngày bắt đầu làm việc
    ("thoi gian thu viec", 3.0), // thời gian thử việc
    ("luong thu viec", 3.5), // lương thử việc
    ("luong gross", 3.0), // lương gross
    ("luong co ban", 3.0), // lương cơ bản
    ("muc luong", 2.0), // mức lương
    ("che do dai ngo", 2.0), // chế độ đãi ngộ
    ("muc luong mong muon", -3.0), // mức lương mong muốn
    ("muc luong hien tai", -2.0), // mức lương hiện tại
    ("da chap nhan loi moi", -3.5), // đã chấp nhận lời mời
    ("khong trung tuyen", -5.0), // không trúng tuyển
    ("chua trung tuyen", -5.0), // chưa trúng tuyển
    // Japanese (no spaces: a phrase matches anywhere)
    ("内定", 4.0),
    ("内定のご連絡", 5.0),
    ("内定通知", 4.5),
    ("採用内定", 4.5),
    ("内々定", 5.5),
    ("採用が決定", 5.5),
    ("採用決定", 4.5),
    ("採用させていただきたく", 5.0),
    ("採用させていただくことに", 5.0),
    ("採用することに", 4.5),
    ("労働条件通知書", 4.5),
    ("雇用条件通知書", 4.5),
    ("労働条件", 1.5),
    ("雇用契約書", 4.5),
    ("雇用契約", 1.5),
    ("承諾書", 3.5),
    ("入社日", 2.5),
    ("入社をお待ち", 3.5),
    ("入社を心より", 3.5),
    ("入社いただきたく", 4.5),
    ("一緒に働ける", 3.5),
    ("仲間として迎え", 4.5),
    ("オファーレター", 5.0),
    ("オファー面談", 4.0),
    ("最終面接合格", 4.5),
    ("年収", 1.5),
    ("条件提示", 3.5),
    ("承諾いただき", -3.0),
    ("内定辞退", -4.0),
    ("内定者", -3.0),
    ("内定式", -3.0),
    ("内定には至", -4.0),
    ("内定を見送", -4.0),
    ("不採用", -5.0),
    ("方の採用が決定", -5.0),
    // Turkish, more
    ("teklifimizi sunmak", 5.0),
    ("teklif sunmak", 4.5),
    ("teklif yazisi", 5.0),
    ("teklif detaylari", 3.0),
    ("teklifimizi degerlendir", 3.5),
    ("ekibimize hos geldin", 5.0),
    ("aramiza hos geldin", 3.5),
    ("ailemize hos geldin", 3.5),
    ("ekibimizde gormek", 4.0),
    ("sizinle calismaya karar", 5.0),
    ("secildiginizi", 3.0),
    ("sizden yana kullandik", 5.0),
    ("olumlu sonuclandi", 3.5),
    ("is sozlesmeniz", 4.5),
    ("sozlesmenizi imzala", 4.0),
    ("sozlesmeyi imzala", 3.0),
    ("imzali bir kopyasini", 3.0),
    ("net maas", 3.0),
    ("aylik net", 3.0),
    ("aylik brut", 3.0),
    ("yillik brut", 3.0),
    ("ucret paketi", 3.0),
    ("ise baslama tarihi", 2.0),
    ("ise baslangic tarihi", 2.0),
    ("deneme suresi", 2.0),
    ("tebrik ederiz", 2.0),
    ("teklifi kabul etmeniz", 3.0),
    ("kabul edip etmediginizi", 3.0),
    ("teklifimizi kabul ettiginiz", -3.0),
    ("teklifi kabul ettiginiz", -3.0),
    ("teklifimizi reddet", -3.0),
    // Finnish, Swedish, Norwegian and Danish, more
    ("valituksi tehtavaan", 5.5), // fi
    ("sinut on valittu tehtavaan", 5.5), // fi
    ("valinta kohdistui sinuun", 6.0), // fi
    ("palkkatarjous", 5.0), // fi
    ("paikka on sinun", 5.0), // fi
    ("tervetuloa tiimiin", 4.5), // fi
    ("tervetuloa joukkoomme", 3.5), // fi
    ("tyosuhteen alkami", 3.0), // fi
    ("koeaika", 2.5), // fi
    ("hyvaksyit", -2.0), // fi
    ("emme voi tarjota", -4.0), // fi
    ("anstallningserbjudande", 6.0), // sv
    ("erbjuda dig anstallning", 6.0), // sv
    ("erbjuda dig jobbet", 6.0), // sv
    ("erbjuda dig rollen", 6.0), // sv
    ("valkommen till teamet", 4.5), // sv
    ("du har fatt jobbet", 6.0), // sv
    ("signera avtalet", 3.5), // sv
    ("tilltradesdag", 3.0), // sv
    ("tackat ja", -2.5), // sv
    ("inte erbjuda dig", -4.0), // sv
    ("tilby deg jobben", 6.0), // no
    ("tilby deg en stilling", 6.0), // no
    ("tilbudsbrev", 5.0), // no
    ("velkommen til teamet", 4.5), // no
    ("akseptere tilbudet", 4.0), // no
    ("takket ja", -2.5), // no
    ("ikke tilby deg", -4.0), // no
    ("tilbyde dig jobbet", 6.0), // da
    ("tilbyde dig en stilling", 6.0), // da
    ("ansaettelsesbrev", 5.0), // da
    ("kontrakt til underskrift", 4.0), // da
    ("velkommen om bord", 4.0), // da
    ("tiltraedelse", 2.0), // da
    ("ikke tilbyde dig", -4.0), // da
    // Korean (Hangul; a phrase matches at a word's start)
    ("최종 합격", 4.5),
    ("최종합격", 4.5),
    ("최종 합격하셨", 5.5),
    ("최종 합격을 축하", 5.5),
    ("최종합격을 축하", 5.5),
    ("처우 협의", 5.0),
    ("처우협의", 5.0),
    ("처우 안내", 4.5),
    ("처우 제안", 5.0),
    ("처우", 2.0),
    ("연봉계약", 4.0),
    ("연봉 계약", 4.0),
    ("근로계약", 4.0),
    ("근로 계약", 4.0),
    ("오퍼 레터", 5.5),
    ("오퍼레터", 5.5),
    ("오퍼", 2.5),
    ("입사를 제안", 4.5),
    ("채용이 확정", 5.0),
    ("채용하기로 결정", 5.5),
    ("모시기로 결정", 5.5),
    ("함께하게 되어", 4.0),
    ("함께 하게 되어", 4.0),
    ("입사를 환영", 4.5),
    ("합류를 환영", 4.5),
    ("입사를 축하", 5.0),
    ("입사일", 2.5),
    ("입사 예정일", 3.0),
    ("첫 출근", 3.0),
    ("연봉", 1.5),
    ("수락 여부", 3.5),
    ("수락해 주셔서", -5.0),
    ("수락해주셔서", -5.0),
    ("합격하지 못", -5.0),
    ("불합격", -5.0),
    // Romanian, more
    ("oferta noastra de angajare", 6.0),
    ("oferta ferma", 5.0),
    ("scrisoare de oferta", 5.5),
    ("scrisoarea de oferta", 5.5),
    ("propunere de angajare", 5.0),
    ("propunerea de angajare", 5.0),
    ("oferta salariala", 4.0),
    ("bine ai venit in echipa", 5.0),
    ("bine ati venit in echipa", 5.0),
    ("bun venit in echipa", 4.5),
    ("contractul individual de munca", 4.5),
    ("semnezi contractul", 4.5),
    ("semnati contractul", 4.5),
    ("semnarea contractului", 4.0),
    ("daca accepti oferta", 4.5),
    ("daca acceptati oferta", 4.5),
    ("acceptarea ofertei", 3.0),
    ("salariul brut", 3.5),
    ("salariul net", 3.0),
    ("salariul lunar", 3.0),
    ("pachetul salarial", 2.5),
    ("data de incepere propusa", 3.5),
    ("prima ta zi", 3.0),
    ("prima zi de lucru", 3.0),
    ("perioada de proba", 2.5),
    ("te felicitam", 2.0),
    ("va felicitam", 2.0),
    ("felicitari", 1.5),
    ("multumim pentru acceptarea", -3.0),
    ("ai acceptat oferta", -3.0),
    ("ati acceptat oferta", -3.0),
    ("oferte de joburi", -2.5),
    ("ofertele noastre", -2.5),
    // Arabic, more: Egyptian and Gulf business Arabic
    ("العرض الوظيفي", 5.5),
    ("عرض عمل", 5.0),
    ("عرض توظيف", 5.0),
    ("عرض التوظيف", 5.0),
    ("خطاب العرض", 5.5),
    ("خطاب التعيين", 5.0),
    ("خطاب تعيين", 5.0),
    ("اوفر ليتر", 5.0),
    ("الاوفر ليتر", 5.0),
    ("تم اختيارك لشغل", 5.5),
    ("تم اختياركم لشغل", 5.5),
    ("تم قبولك", 4.0),
    ("انضمامك الي فريق", 4.0),
    ("انضمامك لفريق", 4.0),
    ("مرحبا بك في فريق", 4.0),
    ("اهلا بك في فريق", 4.0),
    ("الراتب الاساسي", 3.5),
    ("الراتب الشهري", 3.0),
    ("بدل السكن", 3.5),
    ("بدل النقل", 3.0),
    ("تاريخ المباشرة", 3.5),
    ("مباشرة العمل", 3.5),
    ("تاريخ الالتحاق", 3.0),
    ("استلام الشغل", 3.5),
    ("توقيع العقد", 4.0),
    ("توقيع عقد", 4.0),
    ("عقد التوظيف", 4.0),
    ("مبروك", 2.5),
    ("تهانينا", 2.5),
    ("شكرا لقبولك", -4.0),
    ("نشكرك علي قبول", -4.0),
    ("الراتب المتوقع", -3.0),
    ("سحب العرض", -3.0),
    // Ukrainian and Russian: an offer ("офер", "оффер", "пропозиція про роботу", "предложение о работе"), the contract, pay and first day.
    ("офер", 4.5), // uk
    ("оферт", -4.5), // uk, ru
    ("пропозицію про роботу", 5.0), // uk
    ("пропозиція про роботу", 5.0), // uk
    ("пропозицію щодо працевлаштування", 5.5), // uk
    ("раді запропонувати вам", 5.0), // uk
    ("готові зробити вам пропозицію", 5.0), // uk
    ("вітаємо в команді", 5.0), // uk
    ("вітаємо у команді", 5.0), // uk
    ("трудовий договір", 4.0), // uk
    ("трудового договору", 4.0), // uk
    ("виходу на роботу", 2.5), // uk
    ("перший робочий день", 3.0), // uk
    ("заробітна плата станов", 4.0), // uk
    ("оклад у розмірі", 4.0), // uk
    ("випробувальний термін", 2.0), // uk
    ("прийняти пропозицію", 3.5), // uk
    ("не готові зробити", -5.0), // uk
    ("прийняли нашу пропозицію", -3.0), // uk
    ("оффер", 5.0), // ru
    ("предложение о работе", 5.0), // ru
    ("предложение о трудоустройств", 5.5), // ru
    ("рады предложить вам", 5.0), // ru
    ("готовы сделать вам предложение", 5.0), // ru
    ("добро пожаловать в команду", 5.0), // ru
    ("трудовой договор", 4.0), // ru
    ("трудового договора", 4.0), // ru
    ("выхода на работу", 2.5), // ru
    ("первый рабочий день", 3.0), // ru
    ("заработная плата состав", 4.0), // ru
    ("оклад в размере", 4.0), // ru
    ("испытательный срок", 2.0), // ru
    ("принять предложение", 3.5), // ru
    ("не готовы сделать", -5.0), // ru
    ("приняли наше предложение", -3.0), // ru
];

/// The offer cues that only ask for a signature: any document has them (a lease, a
/// gym membership), so they count only in mail that speaks of hiring.
pub(crate) const SIGNING: &[&str] = &[
    "sign where indicated",
    "document to sign",
    "review and sign",
    "signed copy",
    "please sign",
    "firmata",
    "para assinatura",
];
