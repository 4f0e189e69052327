// notice.html: the small dialog the ribbon's "Đánh giá" opens with its result.
import { closeNoticeDialog } from "../excel/officeUi";
import { noticeFromFragment } from "./notice";

const notice = noticeFromFragment(window.location.hash);
const root = document.getElementById("notice");
if (root && notice) {
  document.title = notice.title;
  const heading = Object.assign(document.createElement("h1"), { textContent: notice.title });
  const list = document.createElement("ul");
  for (const line of notice.lines) list.append(Object.assign(document.createElement("li"), { textContent: line }));
  const close = Object.assign(document.createElement("button"), { type: "button", textContent: notice.close });
  close.addEventListener("click", closeNoticeDialog);
  root.append(heading, list, close);
  close.focus();
}
