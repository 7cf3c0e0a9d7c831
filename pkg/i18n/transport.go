package i18n

// transportMsgs are the sentences of connecting to the data repo's server (issue 9): certificates, plain
// http, SSH keys, host keys and ~/.ssh/config. Each says what to do.
var transportMsgs = map[string]Text{
	"transport.tls_unknown_ca": {
		"chứng chỉ TLS của máy chủ %s không do tổ chức cấp chứng chỉ (CA) nào mà máy này tin cậy ký: xin người quản trị tệp PEM của CA đó rồi đặt ca_file (hoặc biến COORD_CA_FILE) là đường dẫn của tệp, hoặc đặt SSL_CERT_FILE trên Linux",
		"the TLS certificate of the server %s is not signed by an authority this PC trusts: ask the administrator for that authority's PEM file and set ca_file (or COORD_CA_FILE) to its path, or SSL_CERT_FILE on Linux",
	},
	"transport.tls_hostname": {
		"chứng chỉ TLS của máy chủ %s được cấp cho tên khác (%s), không phải %s: dùng đúng địa chỉ ghi trong chứng chỉ, hoặc nhờ người quản trị cấp chứng chỉ cho địa chỉ này",
		"the TLS certificate of the server %s is for another name (%s), not %s: use the address the certificate names, or ask the administrator for a certificate for this one",
	},
	"transport.tls_expired": {
		"chứng chỉ TLS của máy chủ %s đã hết hạn ngày %s: báo người quản trị gia hạn chứng chỉ (và kiểm tra ngày giờ của máy này)",
		"the TLS certificate of the server %s expired on %s: ask the administrator to renew it (and check this PC's date and time)",
	},
	"transport.tls_not_yet_valid": {
		"chứng chỉ TLS của máy chủ %s chỉ có hiệu lực từ ngày %s: kiểm tra ngày giờ của máy này, hoặc báo người quản trị",
		"the TLS certificate of the server %s is only valid from %s: check this PC's date and time, or tell the administrator",
	},
	"transport.tls_other": {
		"không kiểm tra được chứng chỉ TLS của máy chủ %s (%s): báo người quản trị, hoặc đặt ca_file (COORD_CA_FILE) nếu máy chủ dùng CA riêng",
		"the TLS certificate of the server %s could not be verified (%s): tell the administrator, or set ca_file (COORD_CA_FILE) if the server uses its own authority",
	},
	"transport.tls_not_tls": {
		"máy chủ %s không trả lời bằng HTTPS: kiểm tra địa chỉ (có thể máy chủ chỉ dùng http://) với người quản trị",
		"the server %s does not answer in HTTPS: check the address with the administrator (it may serve only http://)",
	},
	"transport.ca_file": {
		"tệp ca_file %s không đọc được hoặc không chứa chứng chỉ PEM nào: đặt ca_file (COORD_CA_FILE) là đường dẫn tệp PEM của tổ chức cấp chứng chỉ (CA) của máy chủ",
		"the ca_file %s cannot be read or holds no PEM certificate: set ca_file (COORD_CA_FILE) to the path of the PEM file of the server's certificate authority",
	},
	"transport.plain_http": {
		"coord không gửi thông tin đăng nhập (COORD_TOKEN hoặc mật khẩu trong URL) tới %s qua http:// không mã hóa: dùng địa chỉ https:// của máy chủ, hoặc bỏ COORD_TOKEN nếu máy chủ không cần đăng nhập",
		"coord will not send credentials (COORD_TOKEN or a password in the URL) to %s over unencrypted http://: use the server's https:// address, or unset COORD_TOKEN if the server needs no login",
	},
	"transport.ssh_passphrase": {
		"khóa SSH %s có mật khẩu bảo vệ mà coord không hỏi được ở đây (không có cửa sổ dòng lệnh): nạp khóa vào ssh-agent bằng `ssh-add %[1]s` rồi chạy lại, hoặc chạy coord trong cửa sổ dòng lệnh để nhập mật khẩu",
		"the SSH key %s is protected by a passphrase that coord cannot ask for here (no terminal): load it into ssh-agent with `ssh-add %[1]s` and run again, or run coord in a terminal to type the passphrase",
	},
	"transport.ssh_passphrase_wrong": {
		"mật khẩu của khóa SSH %s không đúng: chạy lại và nhập đúng mật khẩu, hoặc nạp khóa vào ssh-agent bằng `ssh-add %[1]s`",
		"wrong passphrase for the SSH key %s: run again and type the right one, or load the key into ssh-agent with `ssh-add %[1]s`",
	},
	"transport.passphrase_prompt": {
		"Mật khẩu của khóa SSH %s: ",
		"Passphrase for the SSH key %s: ",
	},
	"transport.host_key_unknown": {
		"máy này chưa biết khóa máy chủ SSH của %s (dấu vân tay %s): hỏi người quản trị xem đó có đúng là dấu vân tay của máy chủ không, nếu đúng thì đặt COORD_SSH_TRUST=%s rồi chạy lại, coord sẽ ghi khóa vào %s",
		"this PC does not know the SSH host key of %s (fingerprint %s): ask the administrator whether that is the server's fingerprint and, if it is, set COORD_SSH_TRUST=%s and run again; coord then records the key in %s",
	},
	"transport.host_key_changed": {
		"khóa máy chủ SSH của %s đã thay đổi (dấu vân tay mới %s, khác khóa ghi trong %s dòng %d): máy chủ có thể đã được cài lại nhưng cũng có thể bị mạo danh, nên coord không gửi gì; hỏi người quản trị, và chỉ khi họ xác nhận dấu vân tay mới thì xóa dòng %[4]d của %[3]s rồi chạy lại",
		"the SSH host key of %s has changed (new fingerprint %s, not the key recorded in %s line %d): the server may have been reinstalled, or someone may be posing as it, so coord sent nothing; ask the administrator, and only if they confirm the new fingerprint delete line %[4]d of %[3]s and run again",
	},
	"transport.known_hosts_bad": {
		"không đọc được tệp known_hosts %s: sửa hoặc đổi tên tệp đó rồi chạy lại",
		"cannot read the known_hosts file %s: fix or rename it and run again",
	},
	"transport.known_hosts_write": {
		"không ghi được khóa máy chủ SSH vào %s: kiểm tra quyền ghi thư mục .ssh rồi chạy lại",
		"cannot record the SSH host key in %s: check that the .ssh folder is writable and run again",
	},
	"transport.ssh_config_port": {
		"%s ghi Port %q cho %s, không phải một cổng hợp lệ: sửa tệp đó",
		"%s sets Port %q for %s, which is not a valid port: fix that file",
	},
}
