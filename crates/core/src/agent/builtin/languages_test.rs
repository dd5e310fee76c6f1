//! Mail in languages whose cues were written from the language, one test each: every
//! category in it is read.

use super::*;

/// Vietnamese mail, written from the language: its cues were missing until the ones in `cues` were added.
#[test]
fn vietnamese_mail_is_read() {
    use EmailCategory::*;
    assert_read_as(
        "Tuyển dụng <tuyendung@congty.example>",
        &[
            (
                ApplicationReceived,
                "Xác nhận ứng tuyển vị trí Chuyên viên Marketing",
                "Chào Nguyễn Thu Hà, Công ty Cổ phần Sao Việt đã nhận được hồ sơ ứng tuyển của bạn cho vị trí Chuyên viên Marketing. Bộ phận Tuyển dụng sẽ xem xét hồ sơ và liên hệ với bạn trong vòng 7 ngày làm việc nếu hồ sơ phù hợp. Cảm ơn bạn đã quan tâm đến Sao Việt.",
            ),
            (
                ApplicationReceived,
                "Bạn đã ứng tuyển vị trí Kế toán tổng hợp tại Công ty TNHH Minh Phát",
                "CV của bạn đã được chuyển tới nhà tuyển dụng Công ty TNHH Minh Phát. Nhà tuyển dụng sẽ đánh giá CV và phản hồi qua email hoặc số điện thoại bạn đã cung cấp. Bạn có thể theo dõi tình trạng hồ sơ trong mục \"Việc làm đã ứng tuyển\".",
            ),
            (
                InterviewInvite,
                "Thư mời phỏng vấn - Lập trình viên Java - Hòa Bình Soft",
                "Chào anh Trần Minh Đức, cảm ơn anh đã ứng tuyển vị trí Lập trình viên Java tại Hòa Bình Soft. Chúng tôi trân trọng mời anh tham gia buổi phỏng vấn vào lúc 14h00 thứ Năm, ngày 12/09, tại tầng 5, tòa nhà Hòa Bình, 25 Duy Tân, Cầu Giấy, Hà Nội. Anh vui lòng phản hồi email này để xác nhận tham gia.",
            ),
            (
                InterviewInvite,
                "Hẹn lịch trao đổi với team Sản phẩm",
                "Hi Linh, chị là Mai bên nhân sự của Lumi Tech. Team Sản phẩm rất ấn tượng với CV của em và muốn có một buổi trao đổi ngắn khoảng 30 phút qua Google Meet. Em cho chị biết khung giờ em rảnh trong tuần này nhé, chị sẽ gửi link.",
            ),
            (
                Assessment,
                "[Minh An Group] Bài test vị trí Chuyên viên Phân tích Dữ liệu",
                "Chào bạn, cảm ơn bạn đã ứng tuyển vị trí Chuyên viên Phân tích Dữ liệu. Ở vòng tiếp theo, bạn vui lòng hoàn thành bài test chuyên môn theo đường link bên dưới; thời gian làm bài là 90 phút. Link sẽ hết hạn sau 23h59 ngày 20/10.",
            ),
            (
                Assessment,
                "Bài tập case study - Vòng 2",
                "Chào Hoàng, như đã trao đổi, ở vòng 2 của quy trình tuyển dụng anh gửi em bài tập case study về lập kế hoạch marketing cho một sản phẩm mới (file đính kèm). Em làm trong 3 ngày và gửi lại bài làm dạng slide trước 17h thứ Sáu nhé. Nếu có câu hỏi về đề bài, em cứ nhắn anh.",
            ),
            (
                Offer,
                "Thư mời nhận việc - Nhân viên Kinh doanh - Công ty TNHH Thương mại Đông Á",
                "Chúc mừng bạn đã trúng tuyển vị trí Nhân viên Kinh doanh tại Công ty TNHH Thương mại Đông Á. Mức lương thử việc là 12.000.000 đồng/tháng trong 2 tháng, ngày nhận việc dự kiến là 01/11. Bạn vui lòng phản hồi xác nhận nhận việc trước ngày 25/10.",
            ),
            (
                Offer,
                "Offer vị trí Senior Backend Developer",
                "Chào Tuấn, thay mặt Ban Giám đốc, chị rất vui được gửi em offer cho vị trí Senior Backend Developer với mức lương gross 45 triệu/tháng. Hợp đồng lao động chi tiết chị đính kèm trong email này, em xem và ký xác nhận giúp chị trước thứ Hai nhé. Rất mong được chào đón em về với team!",
            ),
            (
                Rejection,
                "Thông báo kết quả ứng tuyển vị trí Trợ lý Giám đốc",
                "Cảm ơn chị đã dành thời gian tham gia phỏng vấn tại Công ty Cổ phần Đầu tư Thiên Phúc. Sau khi cân nhắc kỹ lưỡng, chúng tôi rất tiếc phải thông báo rằng hồ sơ của chị chưa phù hợp với yêu cầu của vị trí ở thời điểm hiện tại. Chúng tôi sẽ lưu hồ sơ của chị và liên hệ khi có cơ hội phù hợp hơn.",
            ),
            (
                Rejection,
                "Thư cảm ơn",
                "Chào Phương, cảm ơn em đã quan tâm và ứng tuyển vị trí Thiết kế đồ họa của Mộc Studio. Sau vòng xét duyệt, bên chị đã quyết định chọn một ứng viên khác có kinh nghiệm sát hơn với yêu cầu công việc. Chúc em sớm tìm được môi trường phù hợp nhé.",
            ),
            (
                RecruiterOutreach,
                "Cơ hội vị trí Trưởng phòng Nhân sự - Tập đoàn bán lẻ",
                "Chào chị Lan, em là Vy, tư vấn tuyển dụng tại NextStep Search. Em tìm thấy hồ sơ của chị trên LinkedIn và thấy kinh nghiệm của chị rất phù hợp với vị trí Trưởng phòng Nhân sự mà một khách hàng của em, một tập đoàn bán lẻ lớn, đang tìm kiếm. Chị có quan tâm đến cơ hội này không ạ? Nếu có, em xin gửi JD chi tiết và hẹn chị một cuộc gọi ngắn.",
            ),
            (
                RecruiterOutreach,
                "Senior Data Engineer - Remote - lương đến 4000 USD",
                "Chào anh Khoa, em là Tùng bên Asia Talent Partners. Bên em đang tuyển Senior Data Engineer cho một công ty fintech ở Singapore, làm remote, mức lương đến 4000 USD. Anh có đang cân nhắc cơ hội mới không ạ? Nếu anh có hứng thú, em gửi anh mô tả công việc để tham khảo nhé.",
            ),
            (
                FollowUpNeeded,
                "Bổ sung hồ sơ nhận việc",
                "Chào bạn Hùng, để hoàn tất thủ tục nhận việc vào ngày 01/12, bạn vui lòng bổ sung các giấy tờ sau: bản sao công chứng căn cước công dân, bản sao bằng tốt nghiệp, giấy khám sức khỏe và 2 ảnh thẻ 3x4. Bạn có thể nộp trực tiếp tại phòng Hành chính - Nhân sự hoặc gửi bản scan qua email này.",
            ),
            (
                FollowUpNeeded,
                "Thông tin thêm cho vị trí Kỹ sư QA",
                "Chào anh Bình, trước khi bên em sắp xếp vòng tiếp theo, anh cho em xin mức lương mong muốn và thời gian báo trước ở công ty hiện tại nhé. Ngoài ra anh gửi giúp em thông tin của hai người tham chiếu là quản lý cũ của anh ạ. Em cảm ơn anh.",
            ),
            (
                Other,
                "12 việc làm mới phù hợp với bạn",
                "Chào Minh, dưới đây là những việc làm gợi ý dựa trên CV và kinh nghiệm của bạn: Nhân viên Kinh doanh (Hà Nội), Chuyên viên Marketing (TP.HCM), Kế toán nội bộ (Đà Nẵng). Ứng tuyển ngay để không bỏ lỡ cơ hội. Để ngừng nhận thông báo, hãy hủy đăng ký tại đây.",
            ),
            (
                Other,
                "Xác nhận rút hồ sơ ứng tuyển",
                "Chào bạn, chúng tôi xác nhận bạn đã rút hồ sơ ứng tuyển vị trí Chuyên viên Pháp chế tại Công ty Luật Đông Phương. Nhà tuyển dụng sẽ không còn xem được hồ sơ này. Bạn có thể tiếp tục tìm kiếm các cơ hội khác trên trang của chúng tôi.",
            ),
            (
                Other,
                "Mời tham dự hội thảo trực tuyến: Bí quyết phỏng vấn thành công",
                "Bản tin việc làm tuần này giới thiệu hội thảo trực tuyến miễn phí với chủ đề \"Bí quyết phỏng vấn thành công năm 2025\", vào 20h tối thứ Tư. Diễn giả là các chuyên gia nhân sự từ nhiều doanh nghiệp lớn. Đăng ký ngay để giữ chỗ, số lượng có hạn.",
            ),
        ],
    );
}

/// Japanese mail, its phrases read anywhere (it writes no spaces).
#[test]
fn japanese_mail_is_read() {
    use EmailCategory::*;
    assert_read_as(
        "採用担当 <saiyo@kaisha.example>",
        &[
            (
                ApplicationReceived,
                "【株式会社ミライテック】ご応募ありがとうございます",
                "山田 太郎 様　この度は株式会社ミライテックのバックエンドエンジニア職にご応募いただき、誠にありがとうございます。応募書類を確かに受領いたしました。書類選考の上、通過された方にのみ1週間以内にご連絡いたしますので、今しばらくお待ちください。",
            ),
            (
                ApplicationReceived,
                "応募完了のお知らせ（営業事務）",
                "佐藤 花子 様　求人サイト「ジョブナビ」より、株式会社青葉商事「営業事務」への応募が完了しました。応募先企業が内容を確認し、選考に進む場合は企業から直接ご連絡があります。応募状況はマイページの応募履歴からご確認いただけます。",
            ),
            (
                InterviewInvite,
                "一次面接のご案内",
                "鈴木 一郎 様　先日は弊社のデータアナリスト職にご応募いただき、ありがとうございました。書類選考の結果、ぜひ一度お会いしてお話を伺いたく、一次面接のご案内をお送りいたします。下記の候補日の中から、ご都合の良い日時を2つほどお知らせください。",
            ),
            (
                InterviewInvite,
                "二次面接の日程について",
                "田中様　お世話になっております。株式会社ハルカ人事部の小林です。次のステップとして部長との二次面接を実施させていただきたく、来週以降でご都合のよい日時をいくつかご教示いただけますでしょうか。オンラインでの実施も可能ですので、ご希望があればお知らせください。",
            ),
            (
                Assessment,
                "【適性検査受検のご案内】株式会社サクラ銀行 新卒採用",
                "高橋 美咲 様　書類選考を通過されましたので、次のステップとして能力検査・性格検査の受検をお願いいたします。下記URLよりログインし、受検期限の6月12日（水）23:59までに受検してください。所要時間は約60分です。",
            ),
            (
                Assessment,
                "技術課題のご送付",
                "伊藤様　先日はお話しいただきありがとうございました。選考の次のステップとして、簡単なコーディング課題をお送りします。添付の仕様に沿ってAPIを実装し、本日から5日以内にリポジトリのURLをご返信ください。制限時間はありませんが、目安は3〜4時間です。",
            ),
            (
                Offer,
                "内定のご連絡",
                "渡辺 健 様　先日は最終面接にお越しいただき、誠にありがとうございました。厳正なる選考の結果、渡辺様を採用することに決定いたしましたので、ご連絡申し上げます。労働条件通知書を添付いたしますので、内容をご確認のうえ、6月20日までに入社承諾書をご返送ください。",
            ),
            (
                Offer,
                "オファーのご連絡（プロダクトマネージャー）",
                "中村様　お世話になっております。選考にご参加いただきありがとうございました。ぜひ中村様に弊社の一員としてご入社いただきたく、年収800万円、入社日は10月1日の条件でご提示させていただきます。一緒に働けることを、チーム一同楽しみにしております。",
            ),
            (
                Rejection,
                "選考結果のご連絡",
                "小川 直樹 様　この度は弊社の経理スタッフ募集にご応募いただき、誠にありがとうございました。慎重に検討いたしました結果、誠に残念ながら今回はご期待に添えない結果となりました。末筆ながら、小川様の今後のご活躍を心よりお祈り申し上げます。",
            ),
            (
                Rejection,
                "二次面接の結果について",
                "加藤様　先日はお忙しい中、二次面接にお越しいただきありがとうございました。社内で協議を重ねましたが、今回は採用を見送らせていただくことになりました。またご縁がありましたら、どうぞよろしくお願いいたします。",
            ),
            (
                RecruiterOutreach,
                "【スカウト】シニアエンジニアのポジションについて",
                "突然のご連絡失礼いたします。株式会社ネクストリンク人事の森と申します。貴殿のご経歴を拝見し、弊社で新たに立ち上げるSREチームのリードとしてぜひお力をお借りしたく、ご連絡いたしました。まずは一度お話しできればと思いますが、ご興味はございませんか。",
            ),
            (
                RecruiterOutreach,
                "ご経験を活かせる非公開求人のご紹介",
                "松本様　はじめまして。人材紹介会社キャリアブリッジのコンサルタント、井上と申します。松本様の法人営業のご経験を拝見し、想定年収700万〜900万円の非公開求人をご紹介したくご連絡しました。ご興味があれば、30分ほどお電話でお話しさせていただけませんか。",
            ),
            (
                FollowUpNeeded,
                "入社手続きに必要な書類のご提出について",
                "木村 様　入社手続きのため、下記の書類を7月5日までにご提出ください。①卒業証明書　②年金手帳のコピー　③給与振込口座の届出書。ご不明な点がございましたら、人事部までお問い合わせください。",
            ),
            (
                FollowUpNeeded,
                "書類選考に関するご確認",
                "林様　ご応募いただきありがとうございます。選考を進めるにあたり、希望年収と現職の退職予定時期、入社可能時期についてお伺いできますでしょうか。お手数ですが、今週金曜日までにご返信いただけますと幸いです。",
            ),
            (
                Other,
                "【新着求人】あなたの希望条件に合う求人が12件届きました",
                "ジョブナビをご利用いただきありがとうございます。保存した検索条件「東京都・Webデザイナー」に合う新着求人をお届けします。気になる求人があれば、お早めに応募しましょう。配信停止をご希望の方は、こちらから設定を変更してください。",
            ),
            (
                Other,
                "【参加無料】エンジニア向けオンライン会社説明会のお知らせ",
                "いつも転職ナビをご利用いただきありがとうございます。6月25日（火）19時より、人気企業5社が登壇するオンライン会社説明会を開催します。参加をご希望の方は、下記URLより事前にお申し込みください。メルマガの配信解除はマイページから行えます。",
            ),
            (
                Other,
                "選考辞退の件、承知いたしました",
                "清水様　ご丁寧にご連絡いただきありがとうございます。この度の選考辞退の件、承知いたしました。短い間でしたが、弊社にご興味をお持ちいただき感謝申し上げます。清水様の今後のご活躍をお祈りしております。",
            ),
        ],
    );
}

/// Turkish mail.
#[test]
fn turkish_mail_is_read() {
    use EmailCategory::*;
    assert_read_as(
        "İnsan Kaynakları <ik@sirket.example>",
        &[
            (
                ApplicationReceived,
                "Başvurunuz alındı – Satın Alma Uzmanı",
                "Merhaba Elif Hanım, Satın Alma Uzmanı pozisyonu için yaptığınız başvuru tarafımıza ulaşmıştır. İnsan Kaynakları ekibimiz başvurunuzu inceleyecek; profilinizin uygun görülmesi halinde sizinle iletişime geçilecektir. Göstermiş olduğunuz ilgi için teşekkür ederiz.",
            ),
            (
                ApplicationReceived,
                "Başvurun tamamlandı",
                "Merhaba Can, Lojistik Planlama Sorumlusu ilanına yaptığın başvuru Ege Depolama firmasına gönderildi. Firma özgeçmişini incelediğinde başvuru durumun \"Değerlendiriliyor\" olarak güncellenecek. Tüm başvurularını \"Başvurularım\" sayfasından takip edebilirsin.",
            ),
            (
                InterviewInvite,
                "Backend Geliştirici pozisyonu – sonraki adım",
                "Merhaba Burak Bey, başvurunuz kapsamında sizi ekibimizle bir teknik görüşmeye davet etmek istiyoruz. Görüşme Google Meet üzerinden yaklaşık 60 dakika sürecek. Önümüzdeki hafta müsait olduğunuz gün ve saatleri paylaşabilir misiniz?",
            ),
            (
                InterviewInvite,
                "Perşembe 14:00 – ofisimizde tanışalım",
                "Merhaba Selin Hanım, Proje Koordinatörü pozisyonu için sizi Perşembe günü saat 14:00'te Levent'teki ofisimizde ağırlamaktan memnuniyet duyarız. Görüşmeye Operasyon Müdürümüz Kerem Bey de katılacak. Katılımınızı teyit etmeniz halinde adres ve giriş bilgilerini ayrıca ileteceğiz.",
            ),
            (
                Assessment,
                "Yönetici Adayı Programı – online değerlendirme adımı",
                "Merhaba Mert, başvurunuzun bir sonraki adımı olarak sizi online sınavımıza davet ediyoruz. Aşağıdaki bağlantı üzerinden sayısal ve sözel yetenek testlerini ve kişilik envanterini 5 gün içinde tamamlamanızı rica ederiz. Sınav yaklaşık 50 dakika sürmektedir.",
            ),
            (
                Assessment,
                "Hatırlatma: kodlama testiniz yarın sona eriyor",
                "Merhaba Zeynep, Veri Mühendisi pozisyonu için gönderdiğimiz kodlama testini henüz tamamlamadınız. Test bağlantınız 14 Mart Cuma saat 23:59'da geçerliliğini yitirecek. Teknik bir sorun yaşarsanız bu e-postayı yanıtlayarak bize ulaşabilirsiniz.",
            ),
            (
                Offer,
                "Finans Analisti pozisyonu – teklifimiz",
                "Sayın Onur Bey, süreçlerimizin olumlu sonuçlandığını ve sizi Finans Analisti olarak ekibimizde görmekten mutluluk duyacağımızı bildirmek isteriz. Ekteki teklif yazısında aylık brüt 92.000 TL ücret, yan haklar ve 1 Nisan olarak önerdiğimiz işe başlama tarihi yer almaktadır. Teklifimizi değerlendirip en geç Cuma gününe kadar dönüş yapmanızı rica ederiz.",
            ),
            (
                Offer,
                "Aramıza hoş geldin!",
                "Selam Ayşe, tüm ekip adına seni Ürün Tasarımcısı olarak aramızda görmekten çok mutluyuz. İş sözleşmen ekte; imzalayıp bize geri göndermeni bekliyoruz. Net maaşın ve yan hakların sözleşmenin ikinci sayfasında yazıyor, ilk iş günün 2 Haziran Pazartesi.",
            ),
            (
                Rejection,
                "Başvurunuz hakkında",
                "Sayın Emre Bey, Muhasebe Uzmanı pozisyonuna gösterdiğiniz ilgi için teşekkür ederiz. Yaptığımız değerlendirme sonucunda tercihimizi, pozisyonun gerekliliklerine daha uygun olduğunu düşündüğümüz başka bir aday yönünde kullandık. Özgeçmişinizi veri tabanımızda saklayacak ve ileride açılacak pozisyonlarda sizi tekrar değerlendireceğiz.",
            ),
            (
                Rejection,
                "Frontend Geliştirici süreci",
                "Merhaba Deniz, geçen haftaki sohbetimiz için tekrar teşekkürler. Ekip olarak uzun uzun konuştuk ama maalesef bu pozisyon için seninle ilerleyemeyeceğiz. İstersen detaylı geri bildirimi memnuniyetle paylaşırım; yolun açık olsun.",
            ),
            (
                RecruiterOutreach,
                "Kıdemli Satış Müdürü pozisyonu hakkında",
                "Merhaba Hakan Bey, LinkedIn'de profilinize denk geldim ve müşterilerimizden biri olan köklü bir FMCG şirketinin Kıdemli Satış Müdürü arayışı için sizi düşündüm. Pozisyon İstanbul merkezli ve süreç gizli yürütülüyor. Yeni fırsatları değerlendirmeye açıksanız bu hafta 15 dakikalık bir telefon görüşmesi ayarlayabilir miyiz?",
            ),
            (
                RecruiterOutreach,
                "Yeni bir fırsat: Mobil Geliştirici (Flutter)",
                "Selam Kaan, GitHub'daki projelerini inceledim, Flutter tarafındaki deneyimin dikkatimi çekti. Ankara'da hızla büyüyen bir fintech girişimi için Mobil Geliştirici arıyoruz, tamamen uzaktan çalışma imkânı var. İlgilenir misin? Uygunsan detayları paylaşabilirim.",
            ),
            (
                FollowUpNeeded,
                "İşe giriş evraklarınız hk.",
                "Merhaba Gizem Hanım, işe giriş işlemlerinizi tamamlayabilmemiz için 20 Mayıs'a kadar şu belgelere ihtiyacımız var: nüfus cüzdanı fotokopisi, diploma fotokopisi, adli sicil kaydı, SGK hizmet dökümü ve iki adet vesikalık fotoğraf. Belgeleri e-posta ile ya da ilk gününüzde elden teslim edebilirsiniz.",
            ),
            (
                FollowUpNeeded,
                "Birkaç kısa sorumuz var",
                "Merhaba Tolga Bey, Saha Mühendisi pozisyonu için sizi yöneticimize önermeden önce birkaç bilgiye ihtiyacımız var. Mevcut işinizdeki ihbar süreniz nedir, ücret beklentiniz net olarak ne kadardır ve en erken hangi tarihte başlayabilirsiniz? Bu e-postayı yanıtlamanız yeterli.",
            ),
            (
                Other,
                "Sana uygun 12 yeni iş ilanı var",
                "Merhaba Ece, kayıtlı aramana uygun yeni ilanlar yayınlandı: Pazarlama Uzmanı (İstanbul), Marka Yöneticisi (Hibrit) ve daha fazlası. İlanları incelemek için uygulamayı aç. Bu bildirimleri almak istemiyorsan ayarlardan iş alarmlarını kapatabilirsin.",
            ),
            (
                Other,
                "Başvurunuz geri çekildi",
                "Sayın Murat Bey, Operasyon Sorumlusu ilanına yaptığınız başvuru talebiniz üzerine geri çekilmiştir. Bu ilanla ilgili size artık bildirim gönderilmeyecektir. İlginizi çeken diğer ilanlara dilediğiniz zaman yeniden başvurabilirsiniz.",
            ),
            (
                Other,
                "Kariyer Bülteni: Mülakatta en sık sorulan 10 soru",
                "Merhaba, bu ayki bültenimizde mülakat ipuçları, maaş pazarlığı rehberi ve 18 Nisan'daki ücretsiz web seminerimizin detayları var. Web seminerine kayıt olmak için aşağıdaki bağlantıyı kullanabilirsin. Bültenden ayrılmak için abonelikten çık bağlantısına tıklayabilirsin.",
            ),
        ],
    );
}

/// Finnish, Swedish, Norwegian and Danish mail.
#[test]
fn nordic_and_finnish_mail_is_read() {
    use EmailCategory::*;
    assert_read_as(
        "Rekrytointi <rekry@yritys.example>",
        &[
            (
                ApplicationReceived,
                "Hakemus vastaanotettu – Myyntipäällikkö",
                "Hei Anna, kiitos hakemuksestasi Myyntipäällikön tehtävään Kotimaan Kone Oy:ssä. Hakemuksesi on tallennettu rekrytointijärjestelmäämme, ja käsittelemme hakemukset hakuajan päätyttyä 15.3. Olemme sinuun yhteydessä viimeistään maaliskuun lopussa.",
            ),
            (
                ApplicationReceived,
                "Kvittering for mottatt søknad – Salgskonsulent",
                "Hei Ola, takk for at du søkte på stillingen som salgskonsulent hos Fjordnett AS. Søknaden din er registrert, og vi vil gå gjennom søknadene fortløpende etter søknadsfristen 30. april. Du vil høre fra oss innen utgangen av mai.",
            ),
            (
                InterviewInvite,
                "Haastattelu – Ohjelmistokehittäjä",
                "Hei Mikko, kiitos hakemuksestasi, haluaisimme tavata sinut ja keskustella tehtävästä tarkemmin. Ehdotamme haastatteluaikaa tiistaille 12.3. klo 14 Teamsissa tai keskiviikolle klo 10 toimistollamme Tampereella. Kerrothan, kumpi aika sopii sinulle paremmin.",
            ),
            (
                InterviewInvite,
                "Vedr. stillingen som projektleder",
                "Kære Mette, vi har læst din ansøgning med stor interesse og vil gerne møde dig til en samtale på vores kontor i Aarhus. Passer det dig torsdag den 14. marts kl. 13.00? Samtalen varer ca. en time, og du skal møde vores afdelingschef og en kommende kollega.",
            ),
            (
                Assessment,
                "Ennakkotehtävä – Data-analyytikko",
                "Hei Laura, kiitos mukavasta keskustelusta viime viikolla. Seuraavaksi pyydämme sinua tekemään lyhyen ennakkotehtävän, jossa analysoit oheisen myyntiaineiston ja kokoat havainnot muutamaan diaan. Palautathan tehtävän sähköpostitse viimeistään perjantaina 22.3. klo 12.",
            ),
            (
                Assessment,
                "Påminnelse: evnetest og personlighetstest",
                "Hei Jonas, vi minner om at du har fått tilsendt lenke til testene i rekrutteringsprosessen for stillingen som controller. Testene tar ca. 45 minutter og må fullføres innen søndag kl. 23.59, da utløper lenken. Ta kontakt med oss hvis du får tekniske problemer.",
            ),
            (
                Offer,
                "Työtarjous: Projektipäällikkö",
                "Hei Pekka, ilo kertoa, että valinta kohdistui sinuun! Tarjoamme sinulle projektipäällikön tehtävää 4 200 euron kuukausipalkalla, ja työsuhde alkaisi 2.5. kuuden kuukauden koeajalla. Liitteenä on työsopimus allekirjoitettavaksi, ja toivomme vastaustasi ensi viikon keskiviikkoon mennessä.",
            ),
            (
                Offer,
                "Välkommen till oss – tjänsten som controller",
                "Hej Sara! Vi är glada att kunna meddela att valet föll på dig och vill härmed erbjuda dig jobbet som controller vid vårt kontor i Helsingfors. Månadslönen är 4 600 euro och vi föreslår att du tillträder den 1 september. Arbetsavtalet finns bifogat, skriv gärna under det digitalt senast fredag.",
            ),
            (
                Rejection,
                "Rekrytointi: Asiakaspalveluneuvoja",
                "Hei Jussi, kiitos mielenkiinnostasi Asiakaspalveluneuvojan tehtävää kohtaan. Saimme runsaasti hyviä hakemuksia, ja valitettavasti et tällä kertaa päässyt jatkoon. Toivotamme sinulle onnea jatkoon työnhaussa.",
            ),
            (
                Rejection,
                "Vedr. din ansøgning som marketingkoordinator",
                "Kære Jonas, tak for din interesse for stillingen hos os. Vi har nu gennemgået alle ansøgninger, og vi må desværre meddele, at du ikke er gået videre til samtale. Vi ønsker dig held og lykke med jobsøgningen.",
            ),
            (
                RecruiterOutreach,
                "Kiinnostaisiko uusi haaste? – SAP-konsultti",
                "Hei Tiina, törmäsin profiiliisi LinkedInissä ja kokemuksesi SAP-projekteista kiinnitti huomioni. Etsimme asiakkaallemme, pörssiyhtiölle pääkaupunkiseudulla, kokenutta SAP-konsulttia. Olisitko avoin lyhyelle luottamukselliselle keskustelulle tällä viikolla?",
            ),
            (
                RecruiterOutreach,
                "Ekonomichef till fastighetsbolag i Göteborg",
                "Hej Johan! Jag arbetar på Talentia och söker för vår kunds räkning en ekonomichef till ett växande fastighetsbolag i Göteborg. Din bakgrund ser mycket intressant ut och jag undrar om du skulle vara öppen för ett förutsättningslöst samtal om rollen?",
            ),
            (
                FollowUpNeeded,
                "Puuttuvat liitteet hakemuksestasi",
                "Hei Sanna, jotta voimme jatkaa hakemuksesi käsittelyä, toimitathan meille vielä tutkintotodistuksesi ja työtodistukset viimeiseltä viideltä vuodelta. Kerro samalla myös palkkatoiveesi ja irtisanomisaikasi. Liitteet voi lähettää vastaamalla tähän viestiin.",
            ),
            (
                FollowUpNeeded,
                "Referanser og politiattest",
                "Hei Kari, takk for en hyggelig prat i går. For å komme videre ber vi deg sende oss navn og telefonnummer til to referanser, samt en kopi av vitnemålet ditt. Siden stillingen innebærer arbeid med barn, trenger vi også en politiattest før oppstart.",
            ),
            (
                Other,
                "Uudet työpaikat hakuvahdistasi",
                "5 uutta työpaikkaa vastaa hakuasi \"projektipäällikkö, Helsinki\". Katso ilmoitukset ja hae helposti omalla profiilillasi. Voit muokata hakuvahtia tai lopettaa sen tilauksen asetuksista.",
            ),
            (
                Other,
                "Du har dragit tillbaka din ansökan",
                "Hej Maria, vi bekräftar att du har dragit tillbaka din ansökan till tjänsten som lönespecialist hos Stadsbyggnadskontoret. Om du ändrar dig är du välkommen att söka igen så länge annonsen är publicerad.",
            ),
            (
                Other,
                "Nyhedsbrev: Sådan skriver du den gode ansøgning",
                "Kære medlem, i månedens nyhedsbrev giver vores karriererådgivere fem tips til en stærk ansøgning og et godt CV. Du kan også tilmelde dig vores gratis webinar om lønforhandling den 10. april. Afmeld nyhedsbrevet her.",
            ),
        ],
    );
}

/// Spanish as Chile, Peru and Argentina write it: job sites' receipts and invitations,
/// a search closed, salary expectations and documents asked for, profile views.
#[test]
fn latin_american_spanish_mail_is_read() {
    use EmailCategory::*;
    assert_read_as(
        "Selección <seleccion@empresa.example>",
        &[
            (
                ApplicationReceived,
                "Te postulaste a Analista de Operaciones",
                "¡Hola Camila! Tu postulación se envió con éxito. La empresa revisa los CVs recibidos.",
            ),
            (
                Rejection,
                "Búsqueda Analista de Operaciones – novedades",
                "Hola Camila, te cuento que nuestro cliente cerró la búsqueda: la posición fue cubierta con un candidato interno. Me quedo con tus datos.",
            ),
            (
                FollowUpNeeded,
                "Pretensión salarial y disponibilidad",
                "Estimada Camila: a fin de continuar con su candidatura, le agradeceremos nos haga llegar su pretensión salarial mensual bruta y la fecha de disponibilidad.",
            ),
            (
                FollowUpNeeded,
                "Documentación pendiente",
                "Hola Camila, antes de la presentación al cliente necesitamos que nos completes el formulario y nos envíes tu título escaneado.",
            ),
            (
                RecruiterOutreach,
                "¡Minera Los Andes te invita a postular!",
                "Hola Camila: revisa el aviso Analista de Operaciones y postula desde tu cuenta.",
            ),
            (
                Other,
                "Camila, apareciste en 9 búsquedas esta semana",
                "Apareciste en 9 búsquedas esta semana. Estas son algunas de las personas que te encontraron.",
            ),
        ],
    );
}

/// Japanese as employers write it themselves: a post's search ended, pay and notice
/// asked for, a form to fill in, a case assignment, a CV's views.
#[test]
fn japanese_mail_in_employers_own_words_is_read() {
    use EmailCategory::*;
    assert_read_as(
        "株式会社ミナト 人事部 <jinji@minato.example>",
        &[
            (
                Rejection,
                "選考についてのご連絡",
                "事業計画の見直しにより、本ポジションの募集を終了することになりました。選考もここで終了とさせていただきます。",
            ),
            (
                FollowUpNeeded,
                "最終面接に向けて",
                "処遇を検討するため、現在の年収、ご希望年収、入社可能時期をお伺いできますでしょうか。",
            ),
            (
                FollowUpNeeded,
                "応募者情報登録フォームご入力のお願い",
                "選考に先立ち、応募者情報登録フォームへのご入力をお願いいたします。入力期限：4月30日。",
            ),
            (
                Assessment,
                "次の選考ステップについて",
                "次のステップとして、ケース課題（筆記）にお取り組みいただきたく、ご案内いたします。【課題概要】売上データの分析",
            ),
        ],
    );
    assert_read_as(
        "ビズリーチ <info@bizreach.example>",
        &[(
            Other,
            "今週、あなたの職務経歴書が12回閲覧されました",
            "今週、あなたの職務経歴書が12回閲覧されました。プロフィールを更新しましょう。",
        )],
    );
}

/// Turkish as employers and job sites write it themselves: a receipt passed on, other
/// candidates chosen, a post filled from within, documents asked for.
#[test]
fn turkish_mail_in_employers_own_words_is_read() {
    use EmailCategory::*;
    assert_read_as(
        "İK <ik@firma.example>",
        &[
            (
                ApplicationReceived,
                "Başvurun iletildi",
                "Merhaba Zeynep, Lavanta Kozmetik firmasının Planlama Uzmanı ilanına başvurun başarıyla iletildi.",
            ),
            (
                Rejection,
                "Başvurunla ilgili bir güncelleme var",
                "Firma bu ilan için başka adaylarla ilerlemeye karar verdi.",
            ),
            (
                Rejection,
                "Başvurunuz hakkında",
                "Bu pozisyon şirket içinden bir çalışma arkadaşımız tarafından doldurulmuştur. Bu nedenle süreci sonlandırmış bulunuyoruz.",
            ),
            (
                FollowUpNeeded,
                "Lojistik Müdürü pozisyonu – eksik evraklar",
                "Dosyanızı müşteriye sunmadan önce birkaç belgeye ihtiyacım var: son ayın maaş bordrosu ve lisans diploması.",
            ),
        ],
    );
}

/// Korean mail (Hangul).
#[test]
fn korean_mail_is_read() {
    use EmailCategory::*;
    assert_read_as(
        "인사팀 <recruit@company.example>",
        &[
            (
                ApplicationReceived,
                "[그린소프트] 입사지원이 완료되었습니다",
                "김민준님, 안녕하세요. 그린소프트 백엔드 개발자 포지션에 지원해 주셔서 감사합니다. 제출하신 지원서는 정상적으로 접수되었으며, 서류 검토 후 합격자에 한해 개별적으로 연락드릴 예정입니다.",
            ),
            (
                ApplicationReceived,
                "지원서 접수 확인 안내",
                "이서연 님, 한빛물산 채용팀입니다. 회계 담당자 채용에 보내주신 이력서와 자기소개서를 잘 받았습니다. 담당 부서에서 꼼꼼히 살펴본 뒤 2주 안에 전형 결과를 알려 드리겠습니다.",
            ),
            (
                InterviewInvite,
                "[누리테크] 1차 면접 일정 안내",
                "박지훈님, 안녕하세요. 누리테크 인사팀입니다. 서류전형에 합격하신 것을 축하드리며, 실무진과의 1차 면접을 진행하고자 합니다. 다음 주 중 면접 가능하신 시간을 2~3개 회신해 주시면 일정을 확정해 드리겠습니다.",
            ),
            (
                InterviewInvite,
                "팀장님과 화상 미팅 가능하실까요?",
                "최유나 님, 지원해 주신 UX 디자이너 포지션 관련하여 디자인팀 팀장님과 30분 정도 화상으로 이야기를 나누는 자리를 마련하고 싶습니다. 이번 주 목요일이나 금요일 오후 중 편하신 시간대를 알려 주시면 줌 링크를 보내 드리겠습니다.",
            ),
            (
                Assessment,
                "[하나로전자] 온라인 인적성검사 응시 안내",
                "정다은님, 서류전형 합격을 진심으로 축하드립니다. 다음 단계인 온라인 인적성검사는 6월 14일(금) 오후 6시까지 아래 링크에서 응시하실 수 있습니다. 기한이 지나면 응시가 불가하오니 반드시 기간 내에 완료해 주시기 바랍니다.",
            ),
            (
                Assessment,
                "사전 과제 전달드립니다 - 데이터 분석가 포지션",
                "안녕하세요, 윤서준님. 다음 전형으로 간단한 데이터 분석 과제를 준비했습니다. 첨부한 데이터셋을 활용해 분석 결과를 정리하신 뒤 일주일 안에 이 메일로 회신해 주세요.",
            ),
            (
                Offer,
                "[오름바이오] 최종 합격 및 처우 안내",
                "한지민님, 오름바이오 연구원 채용 전형에 최종 합격하셨음을 알려 드립니다. 첨부한 처우 안내서에 연봉과 입사일 등 세부 조건을 정리했으니 확인하신 뒤 이번 주 금요일까지 수락 여부를 회신해 주시기 바랍니다. 함께하게 되어 진심으로 기쁩니다.",
            ),
            (
                Offer,
                "오퍼 드립니다 - 프론트엔드 엔지니어",
                "강현우님, 그동안 여러 차례 면접에 시간 내주셔서 감사합니다. 저희 팀은 현우님을 프론트엔드 엔지니어로 모시기로 결정했습니다. 연봉 6,500만 원에 입사일은 다음 달 1일을 제안드리며, 근로계약서 초안을 첨부했습니다.",
            ),
            (
                Rejection,
                "[세움건설] 서류전형 결과 안내",
                "송예린님, 세움건설 공무 담당자 채용에 관심을 갖고 지원해 주셔서 감사합니다. 아쉽게도 이번 채용에서는 함께하지 못하게 되었음을 알려 드립니다. 귀하의 역량이 부족해서가 아니라 한정된 인원으로 인한 결과임을 양해 부탁드리며, 앞날을 응원하겠습니다.",
            ),
            (
                Rejection,
                "면접 결과를 알려 드립니다",
                "임도윤님, 지난주 면접에 참석해 주셔서 감사합니다. 내부에서 오랜 논의를 거쳤으나, 이번 포지션은 경력이 더 맞는 다른 후보자와 진행하게 되었습니다. 보내주신 이력서는 인재풀에 보관하여 좋은 기회가 생기면 먼저 연락드리겠습니다.",
            ),
            (
                RecruiterOutreach,
                "[포지션 제안] 핀테크 스타트업 백엔드 리드",
                "안녕하세요, 서치펌 탤런트브릿지의 헤드헌터 김수현입니다. 링크드인에서 오세훈님의 경력을 보고 잘 맞을 것 같은 포지션이 있어 갑작스럽게 연락드렸습니다. 시리즈 B 투자를 받은 핀테크 기업의 백엔드 리드 자리인데, 관심이 있으시면 편하신 시간에 통화 가능할까요?",
            ),
            (
                RecruiterOutreach,
                "이직 생각 있으신가요?",
                "배서윤님, 안녕하세요. 저는 모아페이 채용팀의 리크루터 정하늘입니다. 서윤님의 깃허브와 블로그를 인상 깊게 보았는데, 저희 데이터 플랫폼팀에 꼭 소개해 드리고 싶은 자리가 있습니다. 부담 없이 커피챗으로 먼저 이야기 나눠 보실 의향이 있으신지 궁금합니다.",
            ),
            (
                FollowUpNeeded,
                "[한결회계법인] 입사 서류 제출 요청",
                "조은비님, 최종 합격 이후 입사 절차 진행을 위해 아래 서류를 3월 5일까지 제출해 주시기 바랍니다. 최종학교 졸업증명서, 성적증명서, 경력증명서 각 1부와 신분증 사본을 스캔하여 이 메일로 회신해 주시면 됩니다.",
            ),
            (
                FollowUpNeeded,
                "희망 연봉과 입사 가능 시기 문의",
                "장우진님, 2차 면접 준비와 별개로 몇 가지 여쭤보고자 연락드립니다. 현재 연봉 수준과 희망 연봉, 그리고 현 직장에서 퇴사 후 언제부터 근무가 가능하신지 알려 주실 수 있을까요? 이번 주 안에 답장 주시면 감사하겠습니다.",
            ),
            (
                Other,
                "[잡플래닛] 회원님을 위한 맞춤 공고 5건이 도착했어요",
                "최근 관심 직무로 설정하신 '마케팅' 분야에 새로운 공고가 등록되었습니다. 지금 확인하고 마감 전에 지원해 보세요. 이메일 수신을 원하지 않으시면 설정에서 수신 거부를 선택해 주세요.",
            ),
            (
                Other,
                "지원 취소가 완료되었습니다",
                "문하준님, 요청하신 대로 (주)새빛미디어 영상 편집자 포지션에 대한 지원 취소가 정상적으로 처리되었습니다. 지원 내역은 마이페이지에서 언제든 확인하실 수 있습니다.",
            ),
            (
                Other,
                "(광고) 하반기 IT 채용박람회 사전 등록 안내",
                "올가을 최대 규모의 IT 채용박람회가 코엑스에서 열립니다. 50여 개 기업의 현장 면접과 이력서 컨설팅이 준비되어 있으니 지금 바로 사전 등록하세요. 본 메일은 수신 동의하신 회원님께 발송되었습니다.",
            ),
        ],
    );
}

/// Romanian mail.
#[test]
fn romanian_mail_is_read() {
    use EmailCategory::*;
    assert_read_as(
        "Resurse Umane <hr@companie.example>",
        &[
            (
                ApplicationReceived,
                "Confirmare aplicare – Analist financiar",
                "Bună ziua, Andrei, îți mulțumim pentru interesul acordat companiei noastre. Îți confirmăm că am primit candidatura ta pentru postul de Analist financiar și o vom analiza cu atenție în următoarele zile. Doar candidații selectați vor fi contactați pentru etapa următoare.",
            ),
            (
                ApplicationReceived,
                "Aplicarea ta pentru Dezvoltator Java",
                "Salut, Maria! Aplicarea ta a fost înregistrată și CV-ul a ajuns la echipa de recrutare Softline Systems. Recrutorul îl va parcurge în perioada următoare, iar dacă experiența ta se potrivește cu cerințele jobului, vei fi contactată telefonic sau prin e-mail.",
            ),
            (
                InterviewInvite,
                "Invitație la interviu – Inginer software",
                "Bună ziua, Elena, în urma analizării CV-ului dumneavoastră, dorim să vă invităm la un interviu tehnic cu echipa noastră de dezvoltare. Vă rugăm să ne spuneți când ați fi disponibilă săptămâna viitoare, marți sau joi între 10:00 și 16:00. Interviul va avea loc online, pe Microsoft Teams, și durează aproximativ o oră.",
            ),
            (
                InterviewInvite,
                "Discuție cu echipa Nordwind",
                "Salut, Radu! Mulțumim pentru CV; ne-ar plăcea să te cunoaștem într-o scurtă discuție telefonică de 20 de minute cu managerul echipei. Ce zi ți-ar conveni săptămâna aceasta? Îți pot propune miercuri la 11:00 sau vineri la 14:30.",
            ),
            (
                Assessment,
                "Test online – următoarea etapă a procesului de selecție",
                "Bună ziua, Ioana, următoarea etapă a procesului de selecție pentru postul de Referent achiziții constă într-un test online de logică și unul de limba engleză. Linkul către test este valabil 5 zile; vă rugăm să finalizați testul până vineri, 14 iunie.",
            ),
            (
                Assessment,
                "Temă tehnică pentru rolul de Frontend Developer",
                "Salut, Vlad! Așa cum am discutat, îți trimit atașat exercițiul practic: o mică aplicație React care consumă un API public. Ai la dispoziție 4 zile ca să îl rezolvi; trimite-ne soluția ta ca link de GitHub și, după ce o analizăm, revenim cu feedback.",
            ),
            (
                Offer,
                "Ofertă de angajare – Specialist achiziții",
                "Bună ziua, domnule Popescu, ne bucurăm să vă anunțăm că ați fost ales pentru postul de Specialist achiziții. Vă transmitem atașat oferta noastră fermă: salariul brut lunar de 8.500 lei, tichete de masă și abonament medical, cu data de începere 1 septembrie. Vă rugăm să ne confirmați dacă acceptați oferta până la finalul săptămânii.",
            ),
            (
                Offer,
                "Bine ai venit în echipa Verdant!",
                "Salut, Cristina! Suntem foarte bucuroși că vei fi colega noastră din 3 februarie, pe poziția de Designer UX. În atașament găsești contractul individual de muncă și fișa postului; te rog să le semnezi și să ni le trimiți înapoi până joi.",
            ),
            (
                Rejection,
                "Răspuns la aplicarea ta – Contabil",
                "Bună ziua, Alina, îți mulțumim pentru timpul acordat procesului de recrutare. Din păcate, am decis să continuăm cu un alt candidat, al cărui profil este mai apropiat de cerințele postului. Vom păstra CV-ul tău în baza noastră de date și îți dorim mult succes în continuare.",
            ),
            (
                Rejection,
                "Actualizare privind candidatura dumneavoastră",
                "Stimată doamnă Ionescu, vă mulțumim pentru interesul arătat față de poziția de Manager de proiect. Regretăm să vă informăm că postul a fost ocupat între timp. Vă dorim succes în căutarea unui nou loc de muncă.",
            ),
            (
                RecruiterOutreach,
                "Oportunitate – Senior Data Engineer, remote",
                "Bună, Mihai! Sunt Ana, consultant de recrutare la TalentBridge, și am văzut profilul tău pe LinkedIn. Recrutez pentru unul dintre clienții noștri, o companie de fintech, un Senior Data Engineer cu lucru 100% remote. Ai fi interesat să vorbim 15 minute săptămâna aceasta?",
            ),
            (
                RecruiterOutreach,
                "Rol de Product Manager la o companie din Cluj",
                "Salut, Oana! Caut pentru un client din Cluj-Napoca un Product Manager cu experiență în B2B SaaS, iar parcursul tău mi s-a părut foarte potrivit. Știu că probabil nu ești în căutarea unui nou job, dar dacă te interesează îți pot trimite descrierea rolului și intervalul salarial.",
            ),
            (
                FollowUpNeeded,
                "Documente necesare pentru angajare",
                "Bună ziua, Andreea, pentru a putea întocmi dosarul tău de personal, te rugăm să ne trimiți până luni următoarele documente: copie după cartea de identitate, copie după diploma de licență, cazierul judiciar și adeverința de la medicul de familie. Le poți trimite scanate ca răspuns la acest e-mail.",
            ),
            (
                FollowUpNeeded,
                "Întrebare scurtă – Analist date",
                "Salut, Paul! Înainte să mergem mai departe cu procesul, am avea nevoie de la tine de două informații: cât de mare este perioada de preaviz la actualul angajator și care ar fi pretențiile tale salariale nete? Mulțumesc!",
            ),
            (
                Other,
                "12 joburi noi pentru tine în București",
                "Salut, Dan! Am găsit joburi noi care se potrivesc cu căutările tale: Inginer QA la Orion Tech, Dezvoltator .NET la Bitwise și Analist business la Nova Bank. Aplică acum, înainte să expire anunțurile!",
            ),
            (
                Other,
                "Confirmare retragere candidatură",
                "Bună ziua, vă confirmăm că v-ați retras candidatura pentru postul de Referent resurse umane. Datele dumneavoastră nu vor mai fi luate în considerare în acest proces de recrutare. Dacă doriți, puteți aplica oricând la alte posturi disponibile pe site-ul nostru de cariere.",
            ),
            (
                Other,
                "Resetare parolă cont candidat",
                "Salut, am primit o cerere de resetare a parolei pentru contul tău de candidat. Apasă pe butonul de mai jos pentru a seta o parolă nouă; linkul expiră în 24 de ore. Dacă nu ai solicitat tu această schimbare, ignoră acest mesaj.",
            ),
        ],
    );
}

/// Arabic as Egyptian and Gulf HR departments write it.
#[test]
fn arabic_business_mail_is_read() {
    use EmailCategory::*;
    assert_read_as(
        "الموارد البشرية <hr@company.example>",
        &[
            (
                ApplicationReceived,
                "تأكيد استلام طلبك لوظيفة محاسب أول",
                "عزيزي أحمد، نشكرك على اهتمامك بالانضمام إلى مجموعة الفيصل القابضة. نؤكد استلام طلبك لوظيفة محاسب أول، وهو الآن قيد المراجعة من قبل فريق التوظيف. في حال توافق مؤهلاتك مع متطلبات الوظيفة سيتم التواصل معك لتحديد الخطوات التالية.",
            ),
            (
                ApplicationReceived,
                "تم إرسال طلبك بنجاح",
                "مرحباً سارة، تم إرسال طلبك لوظيفة مسؤولة تسويق رقمي إلى شركة نخبة الخليج للتجارة. سيطّلع صاحب العمل على سيرتك الذاتية، ويمكنك متابعة حالة طلبك في أي وقت من صفحة \"طلباتي\".",
            ),
            (
                InterviewInvite,
                "دعوة لحضور مقابلة شخصية – مهندس مدني",
                "السيد/ خالد العتيبي المحترم، يسرنا إبلاغكم بأنه تم ترشيحكم للمقابلة الشخصية لوظيفة مهندس مدني. نأمل حضوركم يوم الأحد الموافق 12 مايو الساعة العاشرة صباحاً في مقر الشركة بالرياض. يرجى تأكيد الحضور بالرد على هذه الرسالة.",
            ),
            (
                InterviewInvite,
                "مكالمة سريعة بخصوص وظيفة مطور Flutter",
                "أهلاً يا مريم، أنا نهى من فريق التوظيف في شركة كودلاين. اطلعنا على سيرتك الذاتية لوظيفة مطور Flutter وحابين نعمل معاكي مكالمة قصيرة مع فريق التطوير حوالي نص ساعة. ياريت تقوليلي إيه المواعيد المناسبة ليكي الأسبوع ده.",
            ),
            (
                Assessment,
                "الخطوة التالية: اختبار القدرات عبر الإنترنت",
                "عزيزي يوسف، شكراً لاهتمامك بوظيفة محلل بيانات لدى بنك الواحة. كخطوة تالية، نرجو منك إكمال اختبار القدرات الرقمية واللفظية عبر الرابط المرفق خلال خمسة أيام من تاريخ هذه الرسالة. تستغرق مدة الاختبار حوالي 45 دقيقة.",
            ),
            (
                Assessment,
                "التاسك المطلوب – مصمم UI/UX",
                "أهلاً يا عمر، زي ما اتفقنا في المكالمة، مرفق التاسك الخاص بوظيفة مصمم UI/UX. المطلوب تصميم شاشتين لتطبيق توصيل. آخر موعد للتسليم يوم الخميس الساعة 5 مساءً. لو عندك أي استفسار عن المطلوب كلمني على طول.",
            ),
            (
                Offer,
                "العرض الوظيفي – مدير مشاريع",
                "السيد/ فهد الشمري المحترم، يسعدنا إبلاغكم بأنه تم اختياركم لشغل وظيفة مدير مشاريع لدى شركة الريادة للمقاولات. مرفق لكم خطاب العرض متضمناً الراتب الأساسي وبدل السكن وبدل النقل، على أن يكون تاريخ المباشرة 1 سبتمبر. نرجو توقيع العرض وإعادته خلال أسبوع.",
            ),
            (
                Offer,
                "مبروك يا نادين!",
                "أهلاً نادين، يسعدنا جداً نبلغك إن تم قبولك في وظيفة أخصائية موارد بشرية في شركة نيل تك. مرفق الأوفر ليتر وفيه المرتب والمزايا، وميعاد استلام الشغل أول الشهر الجاي. راجعيه وقوليلنا موافقتك.",
            ),
            (
                Rejection,
                "بخصوص طلبك لوظيفة مهندس شبكات",
                "عزيزي محمود، نشكرك على اهتمامك بالعمل لدى شركة الاتصالات المتحدة والوقت الذي خصصته لإجراء المقابلة. بعد دراسة متأنية، يؤسفنا إبلاغك بأننا قررنا المضي قدماً مع مرشحين تتوافق خبراتهم بشكل أكبر مع متطلبات الوظيفة. سنحتفظ بسيرتك الذاتية في قاعدة بياناتنا للفرص المستقبلية.",
            ),
            (
                Rejection,
                "تحديث بخصوص وظيفة محاسب",
                "أهلاً يا كريم، متشكرين جداً على وقتك في الانترفيو الأسبوع اللي فات. للأسف مش هنقدر نكمل معاك في الوقت الحالي لأننا اخترنا حد خبرته أقرب للمطلوب. بنتمنى لك كل التوفيق وأكيد هنكون على تواصل لو فيه فرص تانية مناسبة.",
            ),
            (
                RecruiterOutreach,
                "فرصة قد تناسبك – مدير مبيعات إقليمي (دبي)",
                "مرحباً علي، أنا ريم من شركة آفاق للاستشارات والتوظيف. صادفت ملفك على لينكدإن ولفت انتباهي خبرتك في قطاع الأدوية، ونحن نبحث نيابة عن عميلنا، وهو شركة رائدة في الرعاية الصحية، عن مدير مبيعات إقليمي في دبي. هل أنت منفتح على مناقشة هذه الفرصة الوظيفية هذا الأسبوع؟",
            ),
            (
                RecruiterOutreach,
                "فرصة شغل في شركة برمجيات",
                "إزيك يا حسام؟ أنا سلمى، ريكروتر في شركة تالنت بريدج. شفت البروفايل بتاعك وحسيت إنك مناسب جداً لوظيفة Senior Backend Developer عند عميل عندنا في التجمع الخامس. لو مهتم ابعتلي رقمك ونتكلم بالتفصيل.",
            ),
            (
                FollowUpNeeded,
                "طلب مستندات – وظيفة أخصائي مختبر",
                "عزيزتي هند، استكمالاً لإجراءات التوظيف، نرجو تزويدنا بصورة من الهوية الوطنية وشهادة التخرج وشهادات الخبرة السابقة في موعد أقصاه يوم الخميس. كما نرجو تعبئة نموذج بيانات الموظف المرفق وإعادته إلينا.",
            ),
            (
                FollowUpNeeded,
                "كام سؤال قبل الخطوة الجاية",
                "أهلاً يا أحمد، قبل ما نحدد الخطوة الجاية في طلبك لوظيفة مشرف مبيعات محتاجين منك كام معلومة: الراتب المتوقع، فترة الإشعار في شغلك الحالي، وإمتى تقدر تبدأ معانا. ياريت ترد عليا في أقرب وقت.",
            ),
            (
                Other,
                "وظائف جديدة تناسب بحثك: محاسب في الرياض",
                "مرحباً، وجدنا 12 وظيفة جديدة تطابق تنبيه الوظائف الذي أنشأته. تصفّح الوظائف الآن وقدّم بنقرة واحدة. لإيقاف هذه الرسائل يمكنك إلغاء الاشتراك من إعدادات حسابك.",
            ),
            (
                Other,
                "5 أشخاص شاهدوا ملفك هذا الأسبوع",
                "مرحباً منى، ملفك المهني يلفت الانتباه! شاهد ملفك 5 من مسؤولي التوظيف خلال الأيام السبعة الماضية. اشترك في العضوية المميزة لتعرف من زار ملفك وتظهر في أعلى نتائج البحث.",
            ),
            (
                Other,
                "تأكيد سحب طلبك",
                "عزيزي سامي، تم سحب طلبك لوظيفة منسق لوجستيات بناءً على رغبتك، ولن يتم النظر فيه ضمن عملية التوظيف الحالية. يمكنك التقديم على وظائف أخرى لدينا في أي وقت عبر بوابة التوظيف.",
            ),
        ],
    );
}

/// Ukrainian and Russian mail.
#[test]
fn ukrainian_and_russian_mail_is_read() {
    use EmailCategory::*;
    assert_read_as(
        "HR <hr@company.example>",
        &[
            (
                ApplicationReceived,
                "Ваш відгук на вакансію «Бухгалтер» надіслано",
                "Вітаємо, Олено! Ваш відгук на вакансію «Бухгалтер» у компанії ТОВ «Агросвіт» успішно надіслано роботодавцю. Ми повідомимо вас, щойно роботодавець перегляне ваше резюме. Статус усіх відгуків можна переглянути в особистому кабінеті.",
            ),
            (
                ApplicationReceived,
                "Re: Резюме на позицию менеджера по закупкам",
                "Дмитрий, добрый день! Ваше резюме получено, сейчас оно на рассмотрении у руководителя отдела закупок. Вернусь к вам с обратной связью до конца следующей недели.",
            ),
            (
                InterviewInvite,
                "Наступний етап — розмова з командою",
                "Добрий день, Андрію! Дякуємо за відгук на позицію Frontend-розробника. Хочемо запросити вас на онлайн-зустріч із тімлідом і продакт-менеджером, приблизно на 45 хвилин. Оберіть, будь ласка, зручний для вас час у календарі за посиланням нижче.",
            ),
            (
                InterviewInvite,
                "Приглашение на собеседование: Аналитик данных",
                "Здравствуйте, Ирина! Приглашаем вас на собеседование на вакансию «Аналитик данных» в ООО «Северный ветер». Собеседование состоится в четверг, 14 марта, в 11:00 по московскому времени в Zoom, ссылка на встречу придет за день. Пожалуйста, подтвердите, что время вам подходит.",
            ),
            (
                Assessment,
                "Тестове завдання — Junior QA",
                "Привіт, Марино! Як і домовлялися, надсилаю тестове завдання на позицію Junior QA Engineer. На нього є три робочі дні, результат надішліть посиланням на Google Drive у відповідь на цей лист. Якщо виникнуть питання — пишіть.",
            ),
            (
                Assessment,
                "Напоминание: онлайн-тестирование до пятницы",
                "Добрый день, Сергей! Напоминаем, что ссылка на тестирование по вакансии «Финансовый аналитик» действует до пятницы, 23:59. Тест включает задания на логику и работу с таблицами и займет около 40 минут. После этого ссылка станет неактивной.",
            ),
            (
                Offer,
                "Офер: Product Designer у Kvitka Labs",
                "Олександро, вітаємо! Команда одноголосно за, тож надсилаємо вам офер на позицію Product Designer: 2800 USD на місяць, старт 1 квітня, повністю віддалено. Деталі у вкладенні, будемо раді отримати відповідь до п'ятниці.",
            ),
            (
                Offer,
                "Предложение о работе — ведущий инженер-конструктор",
                "Уважаемый Алексей Викторович! По итогам собеседований рады предложить вам должность ведущего инженера-конструктора в АО «Уралмаш-Инжиниринг». Оклад в размере 180 000 рублей, испытательный срок 3 месяца, дата выхода на работу по договоренности. Просим подтвердить принятие предложения до 15 мая.",
            ),
            (
                Rejection,
                "Щодо вашої кандидатури на посаду маркетолога",
                "Добрий день, Ігоре! Дякуємо за час, який ви приділили співбесіді з нами. Після обговорення в команді ми зупинили вибір на іншому кандидаті, чий досвід ближчий до наших поточних задач. Бажаємо успіхів і сподіваємося перетнутися в майбутньому.",
            ),
            (
                Rejection,
                "Ответ по вакансии «Менеджер по продажам»",
                "Здравствуйте, Павел! Благодарим за отклик на вакансию «Менеджер по продажам». К сожалению, на данный момент мы не готовы пригласить вас на следующий этап. Мы сохраним ваше резюме в нашей базе и напишем, если появится подходящая позиция.",
            ),
            (
                RecruiterOutreach,
                "Senior Java-розробник у фінтех, віддалено",
                "Привіт, Тарасе! Мене звати Юлія, я рекрутерка в агенції TalentBridge. Побачила ваш профіль на LinkedIn і хочу запропонувати вам вакансію Senior Java Developer у фінтех-продукті з українськими засновниками. Чи було б вам цікаво коротко поспілкуватися цього тижня?",
            ),
            (
                RecruiterOutreach,
                "Вакансия директора по маркетингу — актуально?",
                "Добрый день, Анна! Я занимаюсь подбором руководителей в e-commerce и сейчас ищу директора по маркетингу для крупного маркетплейса. Ваш опыт в Ozon выглядит очень релевантным. Рассматриваете ли вы сейчас новые предложения?",
            ),
            (
                FollowUpNeeded,
                "Документи для оформлення",
                "Вітаю, Наталіє! Щоб оформити вас на посаду логіста з 1 червня, просимо надати скан-копії паспорта, ідентифікаційного коду, диплома та військово-облікового документа. Надішліть їх, будь ласка, до середи на цю адресу.",
            ),
            (
                FollowUpNeeded,
                "Пара вопросов перед следующим этапом",
                "Елена, здравствуйте! Перед встречей с руководителем уточните, пожалуйста, ваши зарплатные ожидания и через какой срок вы сможете приступить к работе с учетом отработки на текущем месте. Также пришлите контакты двух человек, которые могут дать вам рекомендации.",
            ),
            (
                Other,
                "Нові вакансії за вашим запитом «бухгалтер, Львів»",
                "За останню добу з'явилося 12 нових вакансій, що відповідають вашим критеріям. Перегляньте їх і відгукніться на ті, що підходять. Щоб відписатися від цієї розсилки, змініть налаштування підписки в особистому кабінеті.",
            ),
            (
                Other,
                "Ваше резюме просмотрели 7 работодателей",
                "Здравствуйте! За последнюю неделю ваше резюме «Инженер-сметчик» просмотрели 7 компаний. Обновите резюме, чтобы оно чаще появлялось в поиске работодателей.",
            ),
            (
                Other,
                "Вебінар: резюме, яке помітять рекрутери",
                "Запрошуємо на безкоштовний вебінар від команди robota.ua: HR-експертки розкажуть, як скласти резюме під конкретну вакансію і пройти автоматичний відбір. Початок у четвер о 19:00, участь безкоштовна після реєстрації.",
            ),
        ],
    );
}
