// UI strings in Japanese and English, chosen from the OS locale the webview reports.

const strings = {
  en: {
    newDraft: "New draft",
    searchPlaceholder: "Search drafts",
    titlePlaceholder: "Title",
    untitled: "Untitled",
    drafts: "Drafts",
    trash: "Trash",
    showTrash: (n) => `Trash (${n})`,
    backToDrafts: "← Back to drafts",
    searchResults: (n) => `${n} found`,
    noDrafts: "No drafts yet. Your words will be kept here as you type.",
    noResults: "No draft contains that text.",
    trashEmpty: "The trash is empty.",
    emptyState: "Pick a draft, or start a new one.",
    saved: "Saved",
    saving: "Saving…",
    unsaved: "Unsaved changes",
    saveFailed: (m) => `Not saved — ${m}`,
    chars: (n) => `${n.toLocaleString("en")} ${n === 1 ? "char" : "chars"}`,
    words: (n) => `${n.toLocaleString("en")} ${n === 1 ? "word" : "words"}`,
    moveToTrash: "Move to trash",
    movedToTrash: (t) => `“${t}” moved to the trash.`,
    undo: "Undo",
    restore: "Restore",
    deleteForever: "Delete forever",
    confirmDeleteForever: (t) => `Delete “${t}” for good? This cannot be undone.`,
    cancel: "Cancel",
    closeUnsaved: (m) => `Your latest text could not be saved (${m}). If you close now, it is lost.`,
    keepOpen: "Keep Fumi open",
    closeAnyway: "Close without saving",
    startupError: (m) => `Fumi could not open its database. ${m}`,
    justNow: "just now",
  },
  ja: {
    newDraft: "新規作成",
    searchPlaceholder: "下書きを検索",
    titlePlaceholder: "タイトル",
    untitled: "無題",
    drafts: "下書き",
    trash: "ゴミ箱",
    showTrash: (n) => `ゴミ箱 (${n})`,
    backToDrafts: "← 下書きに戻る",
    searchResults: (n) => `${n}件`,
    noDrafts: "下書きはまだありません。書いた文章は入力するそばから保存されます。",
    noResults: "その語を含む下書きはありません。",
    trashEmpty: "ゴミ箱は空です。",
    emptyState: "下書きを選ぶか、新しく書き始めましょう。",
    saved: "保存済み",
    saving: "保存中…",
    unsaved: "未保存の変更",
    saveFailed: (m) => `保存できませんでした — ${m}`,
    chars: (n) => `${n.toLocaleString("ja")}字`,
    words: (n) => `${n.toLocaleString("ja")}語`,
    moveToTrash: "ゴミ箱へ移動",
    movedToTrash: (t) => `「${t}」をゴミ箱に移動しました。`,
    undo: "元に戻す",
    restore: "復元",
    deleteForever: "完全に削除",
    confirmDeleteForever: (t) => `「${t}」を完全に削除しますか？元には戻せません。`,
    cancel: "キャンセル",
    closeUnsaved: (m) => `最新の文章を保存できませんでした（${m}）。今閉じると失われます。`,
    keepOpen: "Fumiを開いたままにする",
    closeAnyway: "保存せずに閉じる",
    startupError: (m) => `データベースを開けませんでした。${m}`,
    justNow: "たった今",
  },
};

/** The UI language: Japanese when the OS prefers it, English otherwise. */
export const lang = (navigator.languages?.[0] ?? navigator.language ?? "en").toLowerCase().startsWith("ja")
  ? "ja"
  : "en";

/** The strings of the UI language. */
export const t = strings[lang];

/** Fills every element marked with data-i18n / data-i18n-placeholder. */
export function translateDocument(root = document) {
  document.documentElement.lang = lang;
  for (const el of root.querySelectorAll("[data-i18n]")) el.textContent = t[el.dataset.i18n];
  for (const el of root.querySelectorAll("[data-i18n-placeholder]")) el.placeholder = t[el.dataset.i18nPlaceholder];
}

const relative = new Intl.RelativeTimeFormat(lang, { numeric: "auto" });
const absolute = new Intl.DateTimeFormat(lang, { dateStyle: "medium" });

/** "3 minutes ago" for recent times, a date for older ones. */
export function formatWhen(ms, now = Date.now()) {
  const seconds = Math.round((ms - now) / 1000);
  if (Math.abs(seconds) < 45) return t.justNow;
  const minutes = Math.round(seconds / 60);
  if (Math.abs(minutes) < 60) return relative.format(minutes, "minute");
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 24) return relative.format(hours, "hour");
  const days = Math.round(hours / 24);
  if (Math.abs(days) < 7) return relative.format(days, "day");
  return absolute.format(new Date(ms));
}
