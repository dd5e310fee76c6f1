//! Cues of assessment: tests, take-home exercises, case studies.
//! Folded (lowercase, no accents) and matched at word starts; a negative weight
//! counts against the category.

#[rustfmt::skip]
pub(crate) const CUES: &[(&str, f64)] = &[
    // English
    ("online assessment", 4.5),
    ("complete an assessment", 4.5),
    ("complete the assessment", 4.5),
    ("complete an online", 4.0),
    ("start assessment", 4.5),
    ("assessment", 4.5),
    ("coding challenge", 4.5),
    ("coding task", 4.5),
    ("coding test", 4.5),
    ("coding exercise", 4.5),
    ("programming task", 4.5),
    ("programming test", 4.5),
    ("take-home", 4.0),
    ("take home", 4.0),
    ("technical exercise", 4.5),
    ("technical test", 4.5),
    ("technical task", 4.0),
    ("technical challenge", 4.5),
    ("modelling exercise", 4.0),
    ("modeling exercise", 4.0),
    ("case study", 3.5),
    ("case exercise", 3.5),
    ("exercise", 2.0),
    ("online test", 9.0),
    ("take a test", 4.5),
    ("take the test", 4.5),
    ("take the following test", 4.5),
    ("invited you to take", 4.0),
    ("start test", 4.0),
    ("your test", 2.5),
    ("test expires", 4.0),
    ("sample test", 2.0),
    ("demo task", 2.5),
    ("open your task", 3.5),
    ("complete a programming", 4.0),
    ("aptitude", 3.0),
    ("numerical reasoning", 7.5),
    ("verbal reasoning", 7.5),
    ("logical reasoning", 3.0),
    ("psychometric", 3.5),
    ("inductive reasoning", 4.0),
    ("deductive reasoning", 4.0),
    ("logic test", 4.0),
    ("personality questionnaire", 4.0),
    ("occupational personality", 4.0),
    ("online questionnaires", 3.0),
    ("reasoning", 1.5),
    ("skills test", 4.0),
    ("quiz", 2.0),
    ("challenge", 1.5),
    ("hackerrank", 1.5),
    ("codility", 1.5),
    ("the timer", 1.5),
    ("time limit", 2.0),
    ("once you start", 1.5),
    ("once started", 1.5),
    ("submit your answers", 2.5),
    ("submit your solution", 3.0),
    ("upload your solution", 3.0),
    ("your solution", 1.5),
    ("send us a link to your", 2.0),
    ("write-up", 1.5),
    ("spend more than", 1.0),
    ("for completing the", -2.0),
    ("completing the online test", -2.5),
    ("completed the", -1.0),
    ("time you took to complete", -2.0),
    ("time and effort you put", -1.0),
    ("discussion of your", -1.5),
    ("walk through an app", -1.0),
    ("coding assessment", 4.5),
    ("technical assessment", 4.5),
    ("skills assessment", 4.5),
    ("take-home assignment", 4.5),
    ("home assignment", 4.5),
    ("assignment", 2.5),
    ("homework", 2.5),
    ("challenge link", 3.0),
    ("test link", 3.0),
    ("assessment link", 3.5),
    ("invitation to complete", 2.5),
    ("complete the challenge", 3.5),
    ("complete the test", 3.5),
    ("complete the exercise", 3.5),
    ("minutes to complete", 2.0),
    ("hours to complete", 2.0),
    ("proctored", 3.0),
    ("personality assessment", 3.5),
    ("personality test", 3.5),
    ("cognitive", 2.5),
    ("work sample", 3.0),
    ("submit by", 1.5),
    ("complete by", 1.5),
    ("due by", 1.0),
    ("within 72 hours", 1.5),
    ("within 48 hours", 1.0),
    ("codesignal", 1.5),
    ("testgorilla", 1.5),
    ("dataset", 2.0),
    // A take-home described without its name.
    ("write a program", 3.0),
    ("write a small program", 3.5),
    ("small problem we give", 4.0),
    ("problem we give everyone", 4.0),
    ("push it to a private repo", 3.5),
    ("a private repo", 2.0),
    ("a few hours is plenty", 3.0),
    ("shouldn't take more than a few hours", 3.0),
    // A self-paced exercise before the next round.
    ("every candidate does", 3.0),
    ("short exercise", 3.0),
    ("start it whenever you like", 3.0),
    ("once you've submitted it", 2.5),
    ("practical part of our process", 4.0),
    ("practical part", 2.5),
    ("timebox", 2.5),
    // German, French, Spanish, Dutch, Italian, Portuguese
    ("online-test", 4.5),
    ("onlinetest", 4.5),
    ("eignungstest", 4.5),
    ("probeaufgabe", 9.0),
    ("testaufgabe", 4.5),
    ("programmieraufgabe", 4.5),
    ("fallstudie", 4.0),
    ("praxisaufgabe", 4.5),
    ("aufgabe", 1.5),
    ("test technique", 4.5),
    ("exercice", 3.0),
    ("cas pratique", 3.0),
    ("etude de cas", 3.5),
    ("prueba tecnica", 4.5),
    ("prueba", 2.0),
    ("ejercicio", 2.5),
    ("caso practico", 2.0),
    ("thuisopdracht", 4.5),
    ("opdracht", 2.0),
    ("casus", 3.0),
    ("toets", 3.0),
    ("test tecnico", 4.5),
    ("prova tecnica", 4.5),
    ("esercizio", 3.0),
    ("caso studio", 3.0),
    ("teste tecnico", 4.5),
    ("desafio tecnico", 4.5),
    ("desafio", 2.0),
    ("exercicio", 3.0),
    ("estudo de caso", 3.5),
    ("teste online", 4.5),
    ("test en ligne", 4.5),
    ("test online", 4.5),
    ("prueba online", 4.5),
    ("temps consacre au test", -4.0),
    ("in unseren online-test investiert", -4.0),
    ("programmeeropdracht", 4.5),
    ("technische opdracht", 4.5),
    ("case-opdracht", 4.5),
    ("capaciteitentest", 4.5),
    ("persoonlijkheidstest", 4.0),
    ("technischer test", 4.5),
    ("coding-challenge", 4.5),
    ("aufgabe zu bearbeiten", 3.5),
    ("exercice technique", 4.5),
    ("test de personnalite", 3.5),
    ("prueba de codigo", 4.5),
    ("reto tecnico", 4.5),
    ("desafio de codigo", 4.5),
    ("prova online", 4.5),
    ("sfida", 2.0),
    ("compito", 2.0),
    ("teste de", 2.0),
    ("prova de", 2.0),
    ("realizar o teste", 4.0),
    ("realizar um teste", 4.0),
    ("korte case", 4.0),
    ("case uit te werken", 4.5),
    ("een case", 3.0),
    ("de case", 2.5),
    ("bevindingen", 2.0),
    ("presenteer", 1.5),
    ("analyseer", 1.5),
    ("presenta i risultati", 2.0),
    ("apresenta", 1.0),
    // Swedish, Danish, Norwegian
    ("arbetsprov", 5.0),
    ("hemuppgift", 5.0),
    ("case-uppgift", 4.5),
    ("arbejdsprove", 5.0),
    ("hjemmeopgave", 5.0),
    ("case-opgave", 4.5),
    ("arbeidsprove", 5.0),
    ("hjemmeoppgave", 5.0),
    ("caseoppgave", 4.5),
    ("case-oppgave", 4.5),
    // Finnish
    ("ennakkotehtava", 5.5),
    ("kotitehtava", 5.0),
    ("soveltuvuusarvio", 5.0),
    ("soveltuvuustesti", 5.0),
    // Polish
    ("zadanie rekrutacyjne", 5.5),
    ("zadanie techniczne", 5.0),
    ("zadanie domowe", 4.5),
    ("test techniczny", 4.5),
    // Exercises of other trades than programming: design, research, writing, analysis.
    ("design exercise", 4.5),
    ("design task", 4.5),
    ("design challenge", 4.5),
    ("ux exercise", 4.5),
    ("ux challenge", 4.5),
    ("whiteboard challenge", 4.0),
    ("paid exercise", 4.0),
    ("paid task", 3.5),
    ("written exercise", 4.5),
    ("written task", 4.0),
    ("writing exercise", 4.0),
    ("research exercise", 4.0),
    ("research task", 3.5),
    ("analysis exercise", 4.0),
    ("presentation exercise", 4.0),
    ("case presentation", 3.5),
    ("ejercicio practico", 4.5),
    ("prueba de diseno", 4.5),
    ("exercice de design", 4.5),
    ("esercizio di design", 4.5),
    ("designopdracht", 4.5),
    ("design-aufgabe", 4.5),
    ("designaufgabe", 4.5),
    // Marketing and business cases.
    ("marketing case", 4.5),
    ("growth case", 4.5),
    ("crm case", 4.5),
    ("case study brief", 4.5),
    ("campaign brief", 4.5),
    ("creative brief", 4.0),
    ("prova pratica", 4.5),
    // Czech, Slovak, Hungarian, Romanian
    ("zadani domaciho ukolu", 5.5),
    ("domaci ukol", 4.5),
    ("testovaci ukol", 5.0),
    ("zadanie domacej ulohy", 5.5),
    ("domaca uloha", 4.5),
    ("testovacia uloha", 5.0),
    ("szakmai feladat", 4.5),
    ("hazi feladat", 4.5),
    ("tesztfeladat", 5.0),
    ("esettanulmany", 4.5),
    ("tema de casa", 4.5),
    ("studiu de caz", 4.5),
    ("test tehnic", 4.5),
    // Catalan
    ("prova teoricopractica", 5.5),
    ("prova teorica", 4.0),
    ("prova practica", 4.5),
    ("primera prova", 3.5),
    ("us convoquem a la prova", 5.5),
    ("us convoquem a la primera prova", 5.5),
    ("exercici practic", 4.5),
    ("exercici teoricopractic", 5.0),
    ("cas practic", 4.5),
    ("suposit practic", 4.5),
    ("questionari", 2.5),
    // Portuguese questionnaires and inventories.
    ("questionario online", 4.5),
    ("inventario de personalidade", 4.5),
    ("prova de raciocinio", 5.0),
    ("raciocinio verbal", 4.0),
    ("raciocinio numerico", 4.0),
    ("realize as provas", 4.5),
    // A task described without its name: a data pack, an Excel case, a write-up.
    ("don't spend more than", 3.0),
    ("do not spend more than", 3.0),
    ("data pack", 3.5),
    ("work on the attached", 3.5),
    ("excel case", 4.5),
    ("prepare a short analysis", 3.5),
    ("present it to", 2.0),
    ("ihre ausarbeitung", 4.5),
    ("ausarbeitung", 3.0),
    // Slovenian
    ("strokovna naloga", 5.0),
    ("strokovno nalogo", 5.0),
    ("testna naloga", 5.0),
    ("preizkus znanja", 5.0),
    ("spletni test", 4.5),
    // Croatian, Serbian, Bosnian
    ("strucni zadatak", 5.0),
    ("testni zadatak", 5.0),
    ("provjera znanja", 5.0),
    ("rjesenje nam posaljite", 3.5),
    ("psiholosko testiranje", 5.0),
    ("online testiranje", 4.5),
    // Greek
    ("ασκηση αξιολογησης", 5.5),
    ("πρακτικη ασκηση", 5.0),
    ("online αξιολογηση", 5.0),
    ("online τεστ", 5.0),
    ("τεστ αριθμητικης", 5.0),
    ("ψυχομετρικ", 4.5),
    // Work set between interviews without a test's name.
    ("case study (attached)", 2.0),
    ("email your slides", 3.0),
    ("put together a short proposal", 3.5),
    ("how you'd approach", 2.5),
    ("how you would approach", 2.5),
    ("we care about the reasoning", 3.0),
    // The solution to send back, a judgement questionnaire to begin.
    ("senden sie uns ihre losung", 4.0),
    ("schicken sie uns ihre losung", 4.0),
    ("schick uns deine losung", 4.0),
    ("begin the questionnaire", 3.5),
    ("no trick questions", 3.0),
    ("online questionnaire", 3.0),
    // Thanks for a task already done: what follows decides.
    ("thank you for completing", -2.0),
    ("for completing our online assessment", -2.0),
    ("vielen dank fur ihre losung", -3.0),
    ("vielen dank fur die abgabe", -3.0),
    // Turkish
    ("degerlendirme testi", 5.0),
    ("vaka calismasi", 5.0),
    ("yetenek testi", 5.0),
    ("kisilik envanteri", 5.0),
    ("teknik test", 4.5),
    ("ev odevi", 4.5),
    ("testi tamamla", 4.0),
    // Polish and Lithuanian
    ("test kompetencji", 5.0),
    ("rozwiazanie zadania", 3.5),
    ("namu darbo uzduot", 5.0),
    ("testine uzduot", 5.0),
    ("praktine uzduot", 5.0),
    // Exercises named for the work, and Portuguese test stages.
    ("planning exercise", 4.0),
    ("etapa de testes", 4.5),
    ("realize os testes", 4.5),
    ("fazer os testes", 4.0),
    ("teste de raciocinio", 4.0),
    ("teste de perfil", 3.0),
    ("esfuerzo que dedicaste", -2.0),
    // Québec's word for a case exercise.
    ("mise en situation", 4.5),
    // Assessments without an article; Czech tests; a tax assessment is none.
    ("complete assessment", 4.5),
    ("odborny test", 4.5),
    ("tax assessment", -4.5),
    // Technical questionnaires and write-ups in any format.
    ("technical questionnaire", 5.0),
    ("in whatever format you like", 3.0),
    ("write up", 2.5),
    // A small project to prepare, in Polish and English.
    ("przygotowanie malego projektu", 5.0),
    ("zadanie do zrobienia", 5.0),
    ("maly projekt", 3.0),
    ("small project", 2.0),
    ("do zrobienia w domu", 4.5),
    // A task sent by the hiring manager, its deliverables listed.
    ("here's the task", 4.0),
    ("the task for the", 3.0),
    ("what we'd like back", 3.5),
    // Tests of other trades, written from the trades: health (numeracy, drug calculations, OSCE), public service (in-tray, situational judgement), offices and trades (typing, trade tests), assessment centres.
    ("numeracy test", 4.5),
    ("numeracy assessment", 4.5),
    ("literacy test", 4.0),
    ("drug calculation", 4.5),
    ("medication calculation", 4.5),
    ("osce", 4.0),
    ("in-tray exercise", 4.5),
    ("situational judgement", 4.5),
    ("situational judgment", 4.5),
    ("typing test", 4.5),
    ("trade test", 4.0),
    ("role-play exercise", 4.0),
    ("role play exercise", 4.0),
    ("group exercise", 3.5),
    ("assessment centre", 4.5),
    ("assessment center", 4.5),
    ("written test", 4.0),
    ("competency test", 4.0),
    ("practical assessment", 4.5),
    ("clinical skills assessment", 4.5),
    ("prepare a presentation", 3.0),
    ("deliver a presentation", 3.0),
    // Work to do before a panel, its effort capped (any trade): skills checks, short written pieces, scenario briefs, practical exercises.
    ("online skills check", 4.5),
    ("skills check", 4.0),
    ("short piece of work", 4.5),
    ("piece of work before", 3.0),
    ("scenario brief", 4.5),
    ("scenario questions", 4.0),
    ("short written piece", 4.5),
    ("written piece", 4.0),
    ("selection exercise", 4.5),
    ("practical exercise", 4.5),
    ("data exercise", 4.0),
    ("upload your work", 3.5),
    ("discuss your submission", 3.0),
    ("next step is a practical", 4.0),
    ("what we'd like you to do", 3.0),
    ("an evening on it", 3.5),
    ("hours on it", 3.0),
    ("don't expect more than", 3.0),
    ("no more than a couple of hours", 3.5),
    ("the link closes", 3.0),
    ("pick up where you left off", 3.0),
    ("made a start on", 2.5),
    // An online evaluation or skills screen to finish (US trackers and staffing firms).
    ("online evaluation", 4.5),
    ("begin evaluation", 4.0),
    ("your link expires", 3.5),
    ("single sitting", 3.0),
    ("skills screen", 4.5),
    ("check the score", 3.0),
    ("webcam required", 2.5),
    // Work to prepare before the panel: a deck, a concept, a plan for the first 90 days (English, Dutch).
    ("final-round assignment", 5.0),
    ("round assignment", 4.5),
    ("send your deck", 4.0),
    ("your deck", 3.0),
    ("concept task", 4.5),
    ("short concept", 3.5),
    ("real challenge of ours", 4.0),
    ("upload your file", 3.0),
    ("invite you to present it", 3.5),
    ("korte opdracht", 4.5),
    ("opdracht uit te werken", 5.0),
    ("je uitwerking", 4.0),
    ("here's the next bit", 3.0),
    ("sketch how you'd", 3.5),
    ("few pages or slides", 4.0),
    // Afrikaans
    ("psigometriese", 4.0),
    ("aanlyn assessering", 4.0),
    ("aanlyn toets", 3.5),
    // Italian: a practical exercise, a small case
    ("esercitazione pratica", 5.0),
    ("esercitazione", 3.0),
    ("caso pratico", 4.5),
    ("piccolo caso", 4.0),
    ("business case", 3.5),
    // Portuguese: the case attached for the final stage
    ("segue em anexo o caso", 4.0),
    ("devolva a sua proposta", 3.0),
    ("fase final", 1.5),
    // A skills questionnaire
    ("skills questionnaire", 4.5),
    ("take the questionnaire", 3.5),
    // Malay
    ("ujian psikometrik", 4.5),
    ("ujian dalam talian", 4.0),
    ("penilaian dalam talian", 4.0),
    ("menduduki ujian", 4.0),
    ("lengkapkan ujian", 4.0),
    ("kajian kes", 3.5),
    ("tugasan", 2.0),
    ("jawapan bertulis", 3.0),
    // Spanish: a job site's test from the employer
    ("te ha enviado un test", 4.5),
    ("realizar test", 3.5),
    ("prueba en linea", 3.5),
    // Indonesian: a psychological test, an online or written test, a case study
    ("psikotes", 5.0),
    ("tes psikologi", 4.5),
    ("tes online", 4.0),
    ("tes tertulis", 4.0),
    ("tes kemampuan", 4.0),
    ("tes teknis", 4.0),
    ("studi kasus", 3.5),
    ("mengerjakan tes", 4.0),
    ("menyelesaikan tes", 3.5),
    ("batas waktu pengerjaan", 3.5),
    ("asesmen", 3.5),
    // Exams before an interview, in English and Tagalog
    ("online exam", 4.0),
    ("written exam", 4.0),
    ("written examination", 4.0),
    ("exam link", 3.5),
    ("competency exam", 3.5),
    ("calculation test", 4.0),
    ("pagsusulit", 3.5),
    // Arabic: a technical, online or language test to take.
    ("الاختبار الفني", 5.0),
    ("اختبار فني", 5.0),
    ("الاختبار الالكتروني", 5.0),
    ("اختبار الكتروني", 5.0),
    ("اداء اختبار", 5.0),
    ("لاداء اختبار", 5.0),
    ("اختبار اللغة", 4.5),
    ("تقييم فني", 4.5),
    // Vietnamese: a test, an entrance or skills test, a case exercise, its deadline
    ("bai test", 4.0), // bài test
    ("lam bai test", 5.0), // làm bài test
    ("bai kiem tra", 3.5), // bài kiểm tra
    ("kiem tra nang luc", 5.0), // kiểm tra năng lực
    ("danh gia nang luc", 4.0), // đánh giá năng lực
    ("kiem tra dau vao", 4.5), // kiểm tra đầu vào
    ("test dau vao", 4.5), // test đầu vào
    ("test chuyen mon", 5.0), // test chuyên môn
    ("test ky thuat", 5.0), // test kỹ thuật
    ("test iq", 4.5), // test IQ
    ("test tieng anh", 4.0), // test tiếng Anh
    ("kiem tra tieng anh", 4.0), // kiểm tra tiếng Anh
    ("trac nghiem tinh cach", 4.5), // trắc nghiệm tính cách
    ("danh gia tinh cach", 4.0), // đánh giá tính cách
    ("bai thi trac nghiem", 4.0), // bài thi trắc nghiệm
    ("trac nghiem", 2.5), // trắc nghiệm
    ("bai tap tinh huong", 4.5), // bài tập tình huống
    ("bai tap thuc hanh", 3.5), // bài tập thực hành
    ("bai tap ve nha", 3.0), // bài tập về nhà
    ("hoan thanh bai", 4.0), // hoàn thành bài
    ("han nop bai", 4.0), // hạn nộp bài
    ("bai lam", 3.0), // bài làm
    ("nop bai", 3.0), // nộp bài
    ("link lam bai", 5.0), // link làm bài
    ("thoi gian lam bai", 4.5), // thời gian làm bài
    ("vong test", 4.5), // vòng test
    ("vong kiem tra", 4.0), // vòng kiểm tra
    ("vong thi", 3.5), // vòng thi
    ("thi tuyen", 3.5), // thi tuyển
    ("bai thi viet", 3.5), // bài thi viết
    ("de bai", 2.5), // đề bài
    ("link se het han", 3.0), // link sẽ hết hạn
    ("ket qua bai test", -2.5), // kết quả bài test
    ("da hoan thanh bai", -4.0), // đã hoàn thành bài
    // Japanese (no spaces: a phrase matches anywhere)
    ("適性検査", 4.5),
    ("適性テスト", 4.5),
    ("能力検査", 4.0),
    ("性格検査", 4.0),
    ("受検", 3.0),
    ("受検期限", 3.0),
    ("受験", 1.5),
    ("受験のご案内", 3.0),
    ("webテスト", 4.5),
    ("spi3", 4.5),
    ("玉手箱", 4.0),
    ("筆記試験", 4.5),
    ("筆記テスト", 4.5),
    ("採用試験", 4.0),
    ("選考試験", 4.0),
    ("実技試験", 4.5),
    ("小論文", 3.5),
    ("課題", 2.0),
    ("技術課題", 5.0),
    ("事前課題", 5.0),
    ("採用課題", 5.0),
    ("課題提出", 4.0),
    ("課題を提出", 4.0),
    ("回答期限", 2.5),
    ("制限時間", 3.0),
    ("録画面接", 4.5),
    ("動画面接", 4.5),
    ("試験のご案内", 3.5),
    ("検査のご案内", 3.5),
    ("課題をご提出いただき", -3.0),
    ("受検いただきありがとう", -3.0),
    ("受検いただき、", -3.0),
    ("受検完了", -3.0),
    ("受検が完了", -3.0),
    // Turkish, more
    ("online degerlendirme", 4.0),
    ("online sinav", 4.5),
    ("cevrim ici test", 4.5),
    ("cevrimici test", 4.5),
    ("kisilik testi", 5.0),
    ("genel yetenek", 4.0),
    ("sayisal yetenek", 4.5),
    ("sozel yetenek", 4.5),
    ("sayisal muhakeme", 4.5),
    ("mantiksal akil yurutme", 4.5),
    ("psikometrik test", 4.5),
    ("seviye tespit", 4.5),
    ("ingilizce sinav", 4.5),
    ("ingilizce test", 4.5),
    ("kodlama testi", 5.0),
    ("kodlama gorevi", 5.0),
    ("teknik odev", 5.0),
    ("case calismasi", 5.0),
    ("vaka analizi", 4.5),
    ("proje odevi", 4.5),
    ("degerlendirme merkezi", 5.0),
    ("sinava davet", 5.0),
    ("teste davet", 5.0),
    ("sinav linki", 4.5),
    ("kisilik anketi", 5.0),
    ("test baglantisi", 4.5),
    ("sinav baglantisi", 4.5),
    ("testleri tamamla", 4.5),
    ("sinavi tamamla", 4.5),
    ("envanteri doldur", 4.5),
    ("envanteri tamamla", 4.5),
    ("henuz tamamlamadiniz", 3.0),
    ("son tamamlama tarihi", 3.5),
    ("sunum hazirlamanizi", 3.5),
    ("tamamladiginiz icin tesekkur", -3.0),
    // Finnish, Swedish, Norwegian and Danish, more
    ("ennakkotehtavi", 5.0), // fi
    ("koodaustehtav", 5.0), // fi
    ("ohjelmointitehtav", 5.0), // fi
    ("case-tehtav", 5.0), // fi
    ("casetehtav", 5.0), // fi
    ("kirjallinen tehtav", 4.0), // fi
    ("henkiloarvio", 5.0), // fi
    ("persoonallisuus", 4.0), // fi
    ("verkkotesti", 4.5), // fi
    ("kykytest", 4.5), // fi
    ("paattelytehtav", 4.5), // fi
    ("testilink", 4.5), // fi
    ("suorita testi", 4.0), // fi
    ("testin suorittami", 4.0), // fi
    ("logiktest", 4.5), // sv
    ("personlighetstest", 4.5), // sv
    ("kapacitetstest", 4.5), // sv
    ("fardighetstest", 4.5), // sv
    ("kodtest", 4.5), // sv
    ("kodprov", 4.5), // sv
    ("caseuppgift", 4.5), // sv
    ("genomfora test", 4.0), // sv
    ("lank till test", 4.0), // sv
    ("evnetest", 4.5), // no
    ("kapasitetstest", 4.5), // no
    ("ferdighetstest", 4.5), // no
    ("kodeoppgave", 4.5), // no
    ("gjennomfore test", 4.0), // no
    ("lenke til test", 4.0), // no
    ("personlighedstest", 4.5), // da
    ("caseopgave", 4.5), // da
    ("faerdighedstest", 4.5), // da
    ("kodeopgave", 4.5), // da
    ("gennemfore test", 4.0), // da
    ("link til test", 4.0), // da
    // Japanese, more: a case assignment, its outline and deadline, a written one.
    ("ケース課題", 5.0),
    ("課題概要", 4.5),
    ("筆記", 3.0),
    // Korean (Hangul; a phrase matches at a word's start)
    ("인적성", 4.5),
    ("적성검사", 4.5),
    ("인성검사", 4.0),
    ("인성 검사", 4.0),
    ("역량검사", 4.5),
    ("ai역량검사", 5.0),
    ("ai 역량검사", 5.0),
    ("ai면접", 4.5),
    ("ai 면접", 4.5),
    ("코딩테스트", 5.5),
    ("코딩 테스트", 5.5),
    ("코딩과제", 5.0),
    ("코딩 과제", 5.0),
    ("과제 전형", 5.0),
    ("과제전형", 5.0),
    ("사전 과제", 5.0),
    ("사전과제", 5.0),
    ("과제 안내", 4.5),
    ("과제 제출 기한", 4.0),
    ("과제를 제출", 3.0),
    ("필기시험", 5.0),
    ("필기 시험", 5.0),
    ("필기전형", 5.0),
    ("온라인 테스트", 4.5),
    ("테스트 링크", 4.0),
    ("응시 링크", 4.5),
    ("응시 기한", 4.0),
    ("응시 기간", 4.0),
    ("응시해 주시", 4.0),
    ("응시", 2.0),
    ("케이스 스터디", 3.5),
    ("실기", 3.0),
    ("과제를 제출해 주셔서", -3.0),
    ("응시가 완료", -3.0),
    ("응시 완료", -3.0),
    // Romanian, more
    ("testare online", 4.5),
    ("testul online", 4.5),
    ("test de evaluare", 5.0),
    ("testul de evaluare", 5.0),
    ("test de logica", 5.0),
    ("test de personalitate", 5.0),
    ("chestionar de personalitate", 5.0),
    ("test psihologic", 4.5),
    ("teste psihologice", 4.5),
    ("evaluare psihologica", 4.5),
    ("test de aptitudini", 5.0),
    ("test de limba", 4.5),
    ("test de cunostinte", 4.5),
    ("test de programare", 5.0),
    ("exercitiu de programare", 5.0),
    ("tema tehnica", 5.0),
    ("tema pentru acasa", 5.0),
    ("proba practica", 4.5),
    ("proba scrisa", 4.5),
    ("evaluare online", 4.5),
    ("evaluare tehnica", 4.5),
    ("centru de evaluare", 5.0),
    ("invitatie la test", 5.5),
    ("linkul catre test", 5.0),
    ("link-ul catre test", 5.0),
    ("completezi testul", 4.5),
    ("completati testul", 4.5),
    ("finalizezi testul", 4.5),
    ("finalizati testul", 4.5),
    ("testul expira", 4.5),
    ("nu ai finalizat inca", 3.0),
    ("ai la dispozitie", 2.5),
    ("solutia ta", 1.5),
    ("multumim pentru completarea", -2.5),
    ("ca ai completat testul", -2.5),
    // Arabic, more: Egyptian and Gulf business Arabic
    ("اختبار تقني", 5.0),
    ("الاختبار التقني", 5.0),
    ("اختبار اونلاين", 5.0),
    ("اختبار عبر الانترنت", 5.0),
    ("اختبار القدرات", 5.0),
    ("اختبارات القدرات", 5.0),
    ("اختبار الشخصية", 5.0),
    ("تقييم الشخصية", 4.5),
    ("اختبار المهارات", 5.0),
    ("اختبار مهارات", 5.0),
    ("تقييم المهارات", 4.5),
    ("اختبار لغة", 4.5),
    ("اختبار برمجي", 5.0),
    ("اختبار برمجة", 5.0),
    ("تحدي برمجي", 5.0),
    ("مهمة برمجية", 5.0),
    ("اختبار تحريري", 5.0),
    ("الاختبار التحريري", 5.0),
    ("مهمة منزلية", 5.0),
    ("مهمة عملية", 4.5),
    ("تمرين عملي", 4.5),
    ("دراسة حالة", 4.0),
    ("تقييم الكتروني", 4.5),
    ("التقييم الالكتروني", 4.5),
    ("رابط الاختبار", 5.0),
    ("رابط التقييم", 4.5),
    ("اكمال الاختبار", 4.5),
    ("اكمال التقييم", 4.5),
    ("مدة الاختبار", 4.0),
    ("موعد الاختبار", 4.0),
    ("تاسك", 4.0),
    ("التاسك", 4.0),
    ("اخر موعد للتسليم", 3.0),
    ("اجتيازك الاختبار", -2.0),
    // Ukrainian and Russian: a test task ("тестове завдання", "тестовое задание"), an online test, a case, live coding, its deadline.
    ("тестове завдан", 5.5), // uk
    ("тестового завдан", 4.5), // uk
    ("тестовим завдан", 4.5), // uk
    ("виконати тестове", 5.0), // uk
    ("пройти тестуван", 4.5), // uk
    ("онлайн-тест", 4.5), // uk, ru
    ("онлайн тест", 4.0), // uk, ru
    ("практичне завдан", 4.5), // uk
    ("домашнє завдан", 4.5), // uk
    ("кейс-завдан", 4.5), // uk
    ("кейс", 2.0), // uk, ru
    ("термін виконання", 3.0), // uk
    ("на виконання завдання", 3.5), // uk
    ("посилання на тест", 4.5), // uk
    ("лайв-кодинг", 4.5), // uk, ru
    ("лайвкодинг", 4.5), // uk, ru
    ("тест на лог", 4.0), // uk, ru
    ("психометри", 3.5), // uk, ru
    ("нагадуємо про тест", 4.0), // uk
    ("дякуємо за виконання", -3.0), // uk
    ("за результатами тестового", -2.0), // uk
    ("тестовое задан", 5.5), // ru
    ("тестового задан", 4.5), // ru
    ("тестовым задан", 4.5), // ru
    ("выполнить тестовое", 5.0), // ru
    ("пройти тестировани", 4.5), // ru
    ("практическое задан", 4.5), // ru
    ("домашнее задан", 4.5), // ru
    ("кейс-задани", 4.5), // ru
    ("срок выполнения", 3.0), // ru
    ("на выполнение задания", 3.5), // ru
    ("ссылка на тест", 4.5), // ru
    ("напоминаем о тест", 4.0), // ru
    ("спасибо за выполнение", -3.0), // ru
    ("по результатам тестового", -2.0), // ru
];
