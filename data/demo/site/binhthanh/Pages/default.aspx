<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html dir="ltr" lang="vi-VN">
<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" /><meta name="GENERATOR" content="Microsoft SharePoint" /><meta http-equiv="Expires" content="0" /><title>
	Tin chi tiết - Cổng thông tin điện tử Quận Bình Thạnh
</title><link rel="stylesheet" type="text/css" href="/binhthanh/_layouts/1066/styles/core.css" />
<script type="text/javascript" src="/binhthanh/_layouts/1066/init.js"></script>
</head>
<body scroll="yes" onload="javascript:_spBodyOnLoadWrapper();">
<form name="aspnetForm" method="post" action="default.aspx" id="aspnetForm">
<div><input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="SgBCGk9u+o0cAAnFDV+uiY0BVVBKAEIaT276jRwACcUNX66JjQFVUEoAQhpPbvqNHAAJxQ1fromNAVVQ" /></div>
<a name="top"></a>
<table id="ctl00_tblMain" width="1000" cellpadding="0" cellspacing="0" border="0" align="center">
<tr><td colspan="3" class="BT_Banner"><a href="/binhthanh/Pages/default.aspx"><img src="/binhthanh/SiteAssets/images/banner.jpg" alt="ỦY BAN NHÂN DÂN QUẬN BÌNH THẠNH" border="0" /></a></td></tr>
<tr><td colspan="3" class="BT_Menu"><a href="/binhthanh/Pages/default.aspx">Trang chủ</a> | <a href="/binhthanh/Pages/default.aspx?cat_id=1">Tin tức - Sự kiện</a> | <a href="/binhthanh/Pages/default.aspx?cat_id=2">Kinh tế</a> | <a href="/binhthanh/Pages/default.aspx?cat_id=3">Văn hóa - Xã hội</a> | <a href="/binhthanh/Pages/default.aspx?cat_id=4">An ninh - Quốc phòng</a> | <a href="/binhthanh/Pages/default.aspx?cat_id=5">Cải cách hành chính</a></td></tr>
<tr>
<td valign="top" width="200" class="BT_Left">
<table class="BT_Box" width="100%" cellpadding="2" cellspacing="0"><tr><td class="BT_BoxHeader">Thủ tục hành chính</td></tr>
<tr><td><a href="https://dichvucong.hochiminhcity.gov.vn/thutuc?linhvuc=1">Cấp giấy phép xây dựng</a><br /><a href="https://dichvucong.hochiminhcity.gov.vn/thutuc?linhvuc=2">Đăng ký hộ kinh doanh</a><br /><a href="https://dichvucong.hochiminhcity.gov.vn/thutuc?linhvuc=3">Chứng thực bản sao</a></td></tr></table>
<table class="BT_Box" width="100%" cellpadding="2" cellspacing="0"><tr><td class="BT_BoxHeader">Văn bản mới</td></tr>
<tr><td><a href="http://vbpl.hochiminhcity.gov.vn/binhthanh/vanban?id=811">Quyết định 4521/QĐ-UBND ban hành Quy chế tiếp công dân</a><br /><a href="http://vbpl.hochiminhcity.gov.vn/binhthanh/vanban?id=809">Chỉ thị 07/CT-UBND về tăng cường trật tự đô thị</a></td></tr></table>
<table class="BT_Box" width="100%" cellpadding="2" cellspacing="0"><tr><td class="BT_BoxHeader">Liên kết website</td></tr>
<tr><td><select name="ctl00$ddlLienKet" onchange="javascript:window.open(this.options[this.selectedIndex].value);"><option value="">-- Chọn liên kết --</option><option value="http://www.hochiminhcity.gov.vn">Cổng thông tin điện tử TP.HCM</option><option value="http://www.chinhphu.vn">Cổng TTĐT Chính phủ</option></select></td></tr></table>
</td>
<td valign="top" class="BT_Main">
<table class="ms-WPBody" width="100%"><tr><td class="BT_CatHeader"><a href="/binhthanh/Pages/default.aspx?cat_id=1">Tin tức - Sự kiện</a></td></tr><tr><td>» <a href="/binhthanh/post.aspx?ItemID=1755">Thông xe tuyến đường ven rạch Thanh Đa sau 3 năm thi công</a></td></tr><tr><td>» <a href="/binhthanh/post.aspx?ItemID=1356">Quận Bình Thạnh triển khai giãn cách xã hội theo Chỉ thị 16/CT-TTg</a></td></tr><tr><td>» <a href="/binhthanh/post.aspx?ItemID=1102">Họp mặt kỷ niệm 129 năm Ngày sinh Chủ tịch Hồ Chí Minh</a></td></tr></table>
<table class="ms-WPBody" width="100%"><tr><td class="BT_CatHeader"><a href="/binhthanh/Pages/default.aspx?cat_id=2">Kinh tế</a></td></tr><tr><td>» <a href="/binhthanh/post.aspx?ItemID=1602">HĐND quận Bình Thạnh giao dự toán thu ngân sách năm 2024</a></td></tr><tr><td>» <a href="/binhthanh/post.aspx?ItemID=981">Chợ Bà Chiểu thí điểm thanh toán không dùng tiền mặt</a></td></tr><tr><td>» <a href="/binhthanh/post.aspx?ItemID=702">Quận Bình Thạnh thu ngân sách 7 tháng đạt 68% dự toán</a></td></tr></table>
<table class="ms-WPBody" width="100%"><tr><td class="BT_CatHeader"><a href="/binhthanh/Pages/default.aspx?cat_id=3">Văn hóa - Xã hội</a></td></tr><tr><td>» <a href="/binhthanh/post.aspx?ItemID=1489">Lễ hội Lăng Ông Bà Chiểu năm 2022 thu hút hàng ngàn lượt khách</a></td></tr><tr><td>» <a href="/binhthanh/post.aspx?ItemID=915">Trao 1.200 phần quà Tết Mậu Tuất cho hộ nghèo, gia đình chính sách</a></td></tr><tr><td>» <a href="/binhthanh/post.aspx?ItemID=868">Phường 13 khánh thành nhà văn hóa khu phố 4</a></td></tr></table>
<table class="ms-WPBody" width="100%"><tr><td class="BT_CatHeader"><a href="/binhthanh/Pages/default.aspx?cat_id=4">An ninh - Quốc phòng</a></td></tr><tr><td>» <a href="/binhthanh/post.aspx?ItemID=1187">Công an quận Bình Thạnh ra quân cao điểm trấn áp tội phạm dịp Tết Canh Tý</a></td></tr><tr><td>» <a href="/binhthanh/post.aspx?ItemID=1044">Bình Thạnh tổ chức lễ giao nhận quân năm 2019</a></td></tr></table>
<table class="ms-WPBody" width="100%"><tr><td class="BT_CatHeader"><a href="/binhthanh/Pages/default.aspx?cat_id=5">Cải cách hành chính</a></td></tr><tr><td>» <a href="/binhthanh/post.aspx?ItemID=1230">Tiếp nhận và trả kết quả hồ sơ qua dịch vụ bưu chính công ích</a></td></tr></table>
</td>
<td valign="top" width="220" class="BT_Right">
<table class="BT_Box" width="100%" cellpadding="2" cellspacing="0"><tr><td colspan="2" class="BT_BoxHeader">Tin nổi bật</td></tr><tr><td class="bullet">»</td><td><a href="/binhthanh/post.aspx?ItemID=1755">Thông xe tuyến đường ven rạch Thanh Đa sau 3 năm thi công</a></td></tr><tr><td class="bullet">»</td><td><a href="/binhthanh/post.aspx?ItemID=1602">HĐND quận Bình Thạnh giao dự toán thu ngân sách năm 2024</a></td></tr><tr><td class="bullet">»</td><td><a href="/binhthanh/post.aspx?ItemID=1489">Lễ hội Lăng Ông Bà Chiểu năm 2022 thu hút hàng ngàn lượt khách</a></td></tr><tr><td class="bullet">»</td><td><a href="/binhthanh/post.aspx?ItemID=1356">Quận Bình Thạnh triển khai giãn cách xã hội theo Chỉ thị 16/CT-TTg</a></td></tr><tr><td class="bullet">»</td><td><a href="/binhthanh/post.aspx?ItemID=1230">Tiếp nhận và trả kết quả hồ sơ qua dịch vụ bưu chính công ích</a></td></tr></table>
<table class="BT_Box" width="100%" cellpadding="2" cellspacing="0"><tr><td colspan="2" class="BT_BoxHeader">Thời tiết các vùng</td></tr>
<tr><td>TP Hồ Chí Minh</td><td>27 - 34°C</td></tr><tr><td>Cần Thơ</td><td>26 - 33°C</td></tr><tr><td>Hà Nội</td><td>22 - 29°C</td></tr></table>
<table class="BT_Box" width="100%" cellpadding="2" cellspacing="0"><tr><td class="BT_BoxHeader">Thăm dò ý kiến</td></tr>
<tr><td>Bạn đánh giá thế nào về chất lượng giải quyết hồ sơ tại Bộ phận tiếp nhận và trả kết quả?<br />
<input type="radio" name="ctl00$poll" value="1" />Tốt<br /><input type="radio" name="ctl00$poll" value="2" />Khá<br /><input type="radio" name="ctl00$poll" value="3" />Chưa tốt<br />
<input type="submit" name="ctl00$btnVote" value="Bình chọn" /> <a href="javascript:__doPostBack('ctl00$lnkKetQua','')">Xem kết quả</a></td></tr></table>
<table class="BT_Box" width="100%" cellpadding="2" cellspacing="0"><tr><td class="BT_BoxHeader">Lượt truy cập</td></tr>
<tr><td>Đang online: 15<br />Tổng lượt truy cập: 2.316.054</td></tr></table>
</td>
</tr>
<tr><td colspan="3" class="BT_Footer" align="center">
<a href="#top">Về đầu trang</a> | <a href="/binhthanh/_layouts/Authenticate.aspx?Source=%2Fbinhthanh">Đăng nhập</a><br />
Bản quyền thuộc Ủy ban nhân dân Quận Bình Thạnh<br />
Địa chỉ: 6 Phan Đăng Lưu, Phường 14, Quận Bình Thạnh, TP. Hồ Chí Minh - Điện thoại: (028) 3841 2345 - Fax: (028) 3841 2346<br />
Đề nghị ghi rõ nguồn “Cổng thông tin điện tử Quận Bình Thạnh” khi phát hành lại thông tin từ website này
</td></tr>
</table>
</form>
</body>
</html>
