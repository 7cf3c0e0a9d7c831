package i18n

// docnumMsgs are the errors of pkg/docnum: why a document number ("số và ký hiệu") is malformed, each with the
// expected form and an example, because the clerk reading it has the paper document in front of them.
var docnumMsgs = map[string]Text{
	"docnum.empty": {
		VI: `chưa ghi số văn bản: ghi số và ký hiệu như trên văn bản, không có chữ "Số", ví dụ "12/QĐ-UBND" hoặc "01-QC/TU"`,
		EN: `the document number is empty: write the number and symbol as printed, without "Số", e.g. "12/QĐ-UBND" or "01-QC/TU"`,
	},
	"docnum.too_long": {
		VI: `số văn bản dài %d ký tự, tối đa %d: chỉ ghi số và ký hiệu, ví dụ "12/QĐ-UBND" hoặc "01-QC/TU"`,
		EN: `the document number is %d characters long, at most %d: write only the number and symbol, e.g. "12/QĐ-UBND" or "01-QC/TU"`,
	},
	"docnum.prefix": {
		VI: `bỏ chữ "Số" ở đầu: chỉ ghi số và ký hiệu, ví dụ %q`,
		EN: `drop the word "Số" at the start: write only the number and symbol, e.g. %q`,
	},
	"docnum.space": {
		VI: `số văn bản không được có khoảng trắng: viết liền, ví dụ %q`,
		EN: `a document number has no spaces: write it without them, e.g. %q`,
	},
	"docnum.dash": {
		VI: `dùng dấu gạch nối "-" thay cho dấu %q, ví dụ "12/QĐ-UBND" hoặc "01-QC/TU"`,
		EN: `use the hyphen "-" instead of %q, e.g. "12/QĐ-UBND" or "01-QC/TU"`,
	},
	"docnum.char": {
		VI: `không dùng được ký tự %q (vị trí %d) trong số văn bản: chỉ dùng chữ cái, chữ số và các dấu "-", "/", "&", ví dụ "12/QĐ-UBND" hoặc "01-QC/TU"`,
		EN: `the character %q (position %d) cannot be used in a document number: use only letters, digits and "-", "/", "&", e.g. "12/QĐ-UBND" or "01-QC/TU"`,
	},
	"docnum.no_slash": {
		VI: `số văn bản thiếu dấu gạch chéo "/": số văn bản của Nhà nước viết "12/QĐ-UBND": số, gạch chéo, loại văn bản, gạch nối, cơ quan ban hành; số văn bản của Đảng viết "01-QC/TU": số, gạch nối, loại văn bản, gạch chéo, cơ quan ban hành`,
		EN: `the document number has no slash "/": a state document number reads "12/QĐ-UBND": number, slash, document type, hyphen, issuer; a Party document number reads "01-QC/TU": number, hyphen, document type, slash, issuer`,
	},
	"docnum.seq": {
		VI: `%q không phải là số thứ tự hợp lệ: số thứ tự là số nguyên dương viết bằng chữ số Ả Rập, bắt đầu từ 01, ví dụ "12/QĐ-UBND" hoặc "01-QC/TU"`,
		EN: `%q is not a valid sequence number: it is a positive integer in Arabic digits, starting at 01, e.g. "12/QĐ-UBND" or "01-QC/TU"`,
	},
	"docnum.year": {
		VI: `năm ban hành %q không hợp lệ: văn bản quy phạm pháp luật ghi năm đủ 4 chữ số, từ 1945 đến 2100, ví dụ "89/2025/QĐ-UBND"`,
		EN: `the year %q is not valid: a normative document carries the full 4-digit year, from 1945 to 2100, e.g. "89/2025/QĐ-UBND"`,
	},
	"docnum.state_form": {
		VI: `số văn bản của Nhà nước có dấu gạch chéo đặt sai chỗ: viết "12/QĐ-UBND" (số, gạch chéo, loại văn bản, gạch nối, cơ quan ban hành), công văn viết "15/UBND-VP", văn bản quy phạm pháp luật viết "89/2025/QĐ-UBND"`,
		EN: `the slashes of this state document number are misplaced: write "12/QĐ-UBND" (number, slash, document type, hyphen, issuer), a letter "15/UBND-VP", a normative document "89/2025/QĐ-UBND"`,
	},
	"docnum.party_form": {
		VI: `số văn bản của Đảng viết "01-QC/TU": số, gạch nối, loại văn bản, gạch chéo, cơ quan ban hành; văn bản liên tịch ghi các cơ quan ban hành nối bằng gạch nối, ví dụ "01-QC/VPTU-VPHĐND-VPUBND"`,
		EN: `a Party document number reads "01-QC/TU": number, hyphen, document type, slash, issuer; a joint document names all issuers joined by hyphens, e.g. "01-QC/VPTU-VPHĐND-VPUBND"`,
	},
	"docnum.state_type": {
		VI: `%q không phải là chữ viết tắt tên loại văn bản của Nhà nước (%s): viết đúng chữ hoa, chữ thường, ví dụ "89/2025/QĐ-UBND"`,
		EN: `%q is not a state document type abbreviation (%s): mind upper and lower case, e.g. "89/2025/QĐ-UBND"`,
	},
	"docnum.state_type_hint": {
		VI: `%q không phải là chữ viết tắt tên loại văn bản của Nhà nước; có phải là %q? Ví dụ "12/%s-UBND"`,
		EN: `%q is not a state document type abbreviation; did you mean %q? E.g. "12/%s-UBND"`,
	},
	"docnum.party_type": {
		VI: `%q không phải là chữ viết tắt tên loại văn bản của Đảng (%s): số văn bản của Đảng viết "01-QC/TU": số, gạch nối, loại văn bản, gạch chéo, cơ quan ban hành`,
		EN: `%q is not a Party document type abbreviation (%s): a Party document number reads "01-QC/TU": number, hyphen, document type, slash, issuer`,
	},
	"docnum.party_type_hint": {
		VI: `%q không phải là chữ viết tắt tên loại văn bản của Đảng; có phải là %q? Ví dụ "01-%s/TU"`,
		EN: `%q is not a Party document type abbreviation; did you mean %q? E.g. "01-%s/TU"`,
	},
	"docnum.empty_issuer": {
		VI: `thiếu chữ viết tắt tên cơ quan ban hành: viết "12/QĐ-UBND" hoặc "01-QC/TU"; văn bản liên tịch ghi các cơ quan ban hành nối bằng gạch nối, ví dụ "01-QC/VPTU-VPHĐND-VPUBND"`,
		EN: `the issuer abbreviation is missing: write "12/QĐ-UBND" or "01-QC/TU"; a joint document names all issuers joined by hyphens, e.g. "01-QC/VPTU-VPHĐND-VPUBND"`,
	},
	"docnum.empty_part": {
		VI: `ký hiệu văn bản có phần trống giữa hai dấu gạch nối hoặc ở cuối: các phần nối bằng một dấu gạch nối, ví dụ "45/BC-UBND-VP" (loại văn bản, cơ quan ban hành, đơn vị soạn thảo)`,
		EN: `the document symbol has an empty part between hyphens or at the end: join the parts with single hyphens, e.g. "45/BC-UBND-VP" (document type, issuer, drafting unit)`,
	},
}
