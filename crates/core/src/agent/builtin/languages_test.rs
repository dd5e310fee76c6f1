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
