// UI strings in Japanese and English: the author's choice in the settings, else the OS locale
// the webview reports.

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
    blog: "Blog",
    blogs: "Blogs",
    manageBlogs: "Blogs…",
    connectBlog: "Connect a blog to publish",
    publish: "Publish",
    update: "Update",
    noBlogs: "No blog yet. Add one below; its password is kept in the system keychain.",
    addBlog: "Add a blog",
    blogKind: "Kind",
    kindWordPress: "WordPress (REST API)",
    kindMetaWeblog: "MetaWeblog / XML-RPC (xmlrpc.php)",
    kindHatena: "Hatena Blog (AtomPub root URL, Hatena ID, API key)",
    blogName: "Short name",
    blogUrl: "Address",
    blogUser: "User name",
    blogSecret: "Application password",
    secretHint: "On WordPress, create one under Users → Profile → Application Passwords (other XML-RPC hosts: your API password). It is stored in the system keychain, never in Fumi's files.",
    hatenaUrl: "AtomPub root",
    hatenaUser: "Hatena ID",
    hatenaSecret: "API key",
    hatenaHint: "In Hatena Blog: Settings → Advanced (詳細設定) → AtomPub shows the root endpoint and the API key. The key is stored in the system keychain, never in Fumi's files.",
    testAndAdd: "Test and add",
    testing: "Testing the connection…",
    added: (n) => `Added “${n}”.`,
    test: "Test",
    remove: "Remove",
    connectionOk: (n) => `${n} answers and accepts the password.`,
    confirmRemoveBlog: (n) => `Remove “${n}” from Fumi? Its posts stay on the blog; the links to them are forgotten.`,
    close: "Close",
    standing: {
      not_published: "Not published",
      published: "Published",
      scheduled: "Scheduled",
      draft_on_blog: "Draft on the blog",
      modified: "Modified since publishing",
      failed: "Failed",
      queued: "Waiting to send",
    },
    sendNow: "Send now",
    welcome: "Fumi keeps every word you type in a database on this computer, with a live preview beside it. When a post is ready, one click publishes it to Hatena Blog or WordPress, and the next click updates the same post.",
    startWriting: "Start writing",
    connectBlogFirst: "Connect a blog",
    settings: "Settings",
    language: "Language",
    languageSystem: "As the system",
    theme: "Theme",
    themeSystem: "As the system",
    themeLight: "Light",
    themeDark: "Dark",
    editorFont: "Editor typeface",
    fontSans: "Sans-serif",
    fontSerif: "Serif (明朝)",
    fontMono: "Monospace",
    editorFontSize: "Editor text size (px)",
    settingsNote: "The window reloads to apply the settings.",
    save: "Save",
    about: "About Fumi",
    aboutText: "Fumi is a desktop app for writing long posts, in Japanese or English, and publishing them to your blog. Everything you write is kept in one SQLite file on this computer.",
    license: "Licence",
    dataFolder: "Data folder",
    logsFolder: "Logs folder",
    openFolder: "Open",
    queued: (blog) => `${blog} cannot be reached. Fumi will send this publish when it answers; your draft is safe.`,
    connecting: "Connecting…",
    images: (done, total) => `Images ${done}/${total}`,
    sending: "Sending…",
    remoteChanged: (m) => `${m}`,
    overwrite: "Overwrite",
    takeRemote: "Take the blog's version",
    remoteGone: (m) => `${m}`,
    createAgain: "Create again",
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
    blog: "ブログ",
    blogs: "ブログ",
    manageBlogs: "ブログ設定…",
    connectBlog: "ブログを接続して公開",
    publish: "公開",
    update: "更新",
    noBlogs: "ブログはまだありません。下から追加してください。パスワードはシステムのキーチェーンに保存されます。",
    addBlog: "ブログを追加",
    blogKind: "種類",
    kindWordPress: "WordPress（REST API）",
    kindMetaWeblog: "MetaWeblog / XML-RPC（xmlrpc.php）",
    kindHatena: "はてなブログ（AtomPubのルートURL・はてなID・APIキー）",
    blogName: "短い名前",
    blogUrl: "アドレス",
    blogUser: "ユーザー名",
    blogSecret: "アプリケーションパスワード",
    secretHint: "WordPressでは「ユーザー → プロフィール → アプリケーションパスワード」で作成します（その他のXML-RPC対応ブログではAPIパスワード）。Fumiのファイルではなく、システムのキーチェーンに保存されます。",
    hatenaUrl: "AtomPubのルート",
    hatenaUser: "はてなID",
    hatenaSecret: "APIキー",
    hatenaHint: "はてなブログの「設定 → 詳細設定 → AtomPub」にルートエンドポイントとAPIキーが表示されます。キーはFumiのファイルではなく、システムのキーチェーンに保存されます。",
    testAndAdd: "接続を確認して追加",
    testing: "接続を確認しています…",
    added: (n) => `「${n}」を追加しました。`,
    test: "確認",
    remove: "削除",
    connectionOk: (n) => `${n}に接続でき、パスワードも有効です。`,
    confirmRemoveBlog: (n) => `「${n}」をFumiから削除しますか？記事はブログに残りますが、記事との関連付けは失われます。`,
    close: "閉じる",
    standing: {
      not_published: "未公開",
      published: "公開済み",
      scheduled: "予約投稿",
      draft_on_blog: "ブログに下書き保存",
      modified: "公開後に変更あり",
      failed: "失敗",
      queued: "送信待ち",
    },
    sendNow: "今すぐ送信",
    welcome: "Fumiは、入力した文字を一文字残らずこのコンピューター上のデータベースに保存し、横にはプレビューを表示します。記事ができたら、ワンクリックではてなブログやWordPressに公開でき、もう一度押せば同じ記事が更新されます。",
    startWriting: "書きはじめる",
    connectBlogFirst: "ブログを接続する",
    settings: "設定",
    language: "言語",
    languageSystem: "システムに合わせる",
    theme: "テーマ",
    themeSystem: "システムに合わせる",
    themeLight: "ライト",
    themeDark: "ダーク",
    editorFont: "エディターの書体",
    fontSans: "ゴシック体",
    fontSerif: "明朝体",
    fontMono: "等幅",
    editorFontSize: "エディターの文字サイズ (px)",
    settingsNote: "設定を反映するためにウィンドウを再読み込みします。",
    save: "保存",
    about: "Fumiについて",
    aboutText: "Fumiは、長い記事を日本語や英語で書き、ブログへ公開するためのデスクトップアプリです。書いたものはすべて、このコンピューター上の1つのSQLiteファイルに保存されます。",
    license: "ライセンス",
    dataFolder: "データフォルダー",
    logsFolder: "ログフォルダー",
    openFolder: "開く",
    queued: (blog) => `${blog}に接続できません。つながり次第Fumiが送信します。下書きはそのまま保存されています。`,
    connecting: "接続中…",
    images: (done, total) => `画像 ${done}/${total}`,
    sending: "送信中…",
    remoteChanged: (m) => `${m}`,
    overwrite: "上書きする",
    takeRemote: "ブログ側の内容を取り込む",
    remoteGone: (m) => `${m}`,
    createAgain: "もう一度作成",
  },
};

/** The OS's language: Japanese when it prefers Japanese, English otherwise. */
const systemLang = (navigator.languages?.[0] ?? navigator.language ?? "en").toLowerCase().startsWith("ja") ? "ja" : "en";

/** The UI language. */
export let lang = systemLang;

/** The strings of the UI language. */
export let t = strings[lang];

let relative = new Intl.RelativeTimeFormat(lang, { numeric: "auto" });
let absolute = new Intl.DateTimeFormat(lang, { dateStyle: "medium" });

/** Switches the UI language ("system", "ja" or "en"); call before the UI is drawn. */
export function useLanguage(choice) {
  lang = choice === "ja" || choice === "en" ? choice : systemLang;
  t = strings[lang];
  relative = new Intl.RelativeTimeFormat(lang, { numeric: "auto" });
  absolute = new Intl.DateTimeFormat(lang, { dateStyle: "medium" });
}

/** Fills every element marked with data-i18n / data-i18n-placeholder. */
export function translateDocument(root = document) {
  document.documentElement.lang = lang;
  for (const el of root.querySelectorAll("[data-i18n]")) el.textContent = t[el.dataset.i18n];
  for (const el of root.querySelectorAll("[data-i18n-placeholder]")) el.placeholder = t[el.dataset.i18nPlaceholder];
  for (const el of root.querySelectorAll("[data-i18n-aria-label]")) el.setAttribute("aria-label", t[el.dataset.i18nAriaLabel]);
}


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
