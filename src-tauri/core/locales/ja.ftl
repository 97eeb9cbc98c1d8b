# Fumi のメッセージ（日本語）。en.ftl と同じキーをすべて持つこと（テストで確認）。

## エラー: データフォルダとデータベース

data_dir = データフォルダ { $path } を使えません: { $detail }
no_data_dir = このシステムではデータを置くフォルダが見つかりません。--data-dir DIR を付けて起動してください。
database_locked = データベース { $path } が他のプログラムにロックされています。そのプログラムを閉じてからもう一度お試しください。文章はエディタに残っています。
database_corrupt = データベース { $path } が壊れているか、Fumi のデータベースではありません（{ $detail }）。Fumi は何も変更していません。バックアップから戻すか、別のデータフォルダを選んでください。
database_read_only = { $path } に書き込めません（{ $detail }）。フォルダのアクセス権を確認してください。文章はエディタに残っています。
disk_full = { $path } のあるディスクがいっぱいです。空き容量を作ってください。文章はエディタに残っています。
schema_too_new = データベース { $path } は新しいバージョンの Fumi で書かれています（スキーマ { $found }。このバージョンは { $known } まで）。Fumi を更新してください。何も変更していません。
database = データベースのエラー（{ $action }）: { $detail }
migration = データベース { $path } を更新できませんでした: { $detail }
settings = 設定を保存できませんでした: { $detail }
system = 処理を実行できませんでした（{ $action }）: { $detail }

## エラー: 下書き・ファイル・画像

draft_not_found = ID { $id } の下書きはありません。
revision_not_found = その版（{ $id }）はこの下書きの履歴にもうありません。
read_file = { $path } を読めません: { $detail }
write_file = { $path } に書き込めません: { $detail }
not_utf8 = { $path } は UTF-8 のテキストではありません（{ $offset } バイト目が不正）。UTF-8 で保存し直してからお試しください。
text_too_large = { $name } は { $limit_mb } MB を超えていて、1つの下書きに収まりません。分割してからお試しください。何も変更していません。
export_folder_not_empty = { $path } は空ではありません。新しいフォルダか空のフォルダに書き出してください。
front_matter = 下書き冒頭の設定ブロック（--- の行の間）{ $line ->
        [none] {""}
       *[other] の{ $line }行目
    }に誤りがあります: { $detail }
bad_date = 「{ $value }」は日付として読めません。2026-12-01 09:00 や 2026-12-01T09:00:00+09:00 のように書いてください。
not_an_image = { $name } は公開できる画像ではありません（PNG、JPEG、GIF、WebP、AVIF など）。
not_a_file = { $path } はこのコンピュータ上のファイルではないため、読み込みませんでした。画像ファイルを使ってください。
image_too_large = { $name } は { $mb } MB あります。公開できる画像は { $limit_mb } MB までです。小さくしてからお試しください。
asset_not_found = 下書きにある画像 fumi-asset:{ $hash } が Fumi のデータベースにありません。もう一度貼り付けてください。
local_files_need_consent = 公開すると、このコンピュータの次のファイルをブログにアップロードします: { $files }。この下書きで許可するか、本文から外してください。

## エラー: ブログと公開

blog_unreachable = { $url } に接続できませんでした: { $detail }。アドレスと接続を確認してください。下書きは変わっていません。
blog_rejected_credentials = { $blog } がユーザー名またはアプリケーションパスワードを受け付けませんでした（{ $detail }）。ブログのプロフィール画面で新しいアプリケーションパスワードを作り、入力し直してください。
blog_not_wordpress = { $url } は REST API が有効な WordPress サイトではないようです（api.w.org のリンクがありません）。
blog_http = { $url } が { $status } を返しました: { $message }（{ $reply_code }）
blog_fault = { $url } に拒否されました: { $message }（fault { $fault }）
blog_malformed_reply = { $url } の応答を読み取れません: { $detail }
blog_certificate = { $url } の証明書が信頼されていないため、何も送信しませんでした（{ $detail }）。ブログが独自の証明書を使っている場合は、システムの信頼する証明書に追加してください。
blog_rate_limited = { $url } が混み合っていて、{ $wait ->
        [none] しばらく
       *[other] { $wait } 秒
    }待つよう求めています。下書きは変わっていません。公開は Fumi の送信待ちに入り、その後自動で送り直されます。
insecure_connection = パスワードや API キーを暗号化なしで { $url } に送ることはしません。ブログの https のアドレスを入力してください。
blog_points_elsewhere = { $site } が別のホスト { $elsewhere } を指しました。Fumi はそこに何も送っておらず、パスワードは { $site } 以外に渡っていません。ブログが本当に { $elsewhere } にあるなら、そのアドレスで追加してください。
hatena_notation_mode = このはてなブログは「はてな記法」モードです。ブログの設定（基本設定 › 編集モード）で Markdown（または見たまま）に切り替えてから、もう一度公開してください。何も送信していません。
remote_post_not_found = 記事 { $id } はブログにもうありません。Web 上で削除されたのかもしれません。新しく公開するには、もう一度作成してください。
remote_changed = ブログ上の記事が、Fumi が最後に把握した版（公開した版、または読み込んだファイル。そちらでの最終更新 { $remote }）と違います。このまま公開するとブログの版を上書きします。上書きするか、先にブログの版を下書きに取り込んでください。
terms_dropped = 記事は保存されましたが、ブログが次のカテゴリーまたはタグを残しませんでした: { $names }。
not_published = 下書き { $draft } は { $blog } に公開されていません。
publish_in_progress = この下書きは今まさに送信待ちからブログへ送られています。少ししてからもう一度お試しください。
publish_queued = { $reason } 公開は送信待ちに入りました。ブログが応答したら Fumi が送ります（開いているウィンドウは自動で送ります。今すぐ送るには `fumi queue send`）。
keychain = ブログのパスワードを保管するシステムのキーチェーンを使えません: { $detail }
secret_missing = キーチェーンにブログ { $blog } のパスワードがありません。ブログを追加し直してください。
secret_for_another_site = ブログ { $blog } として保管されたパスワードは { $site } ではなく { $stored } のものです。どこにも送っていません。ブログのパスワードを入力し直してください。
blog_not_found = 「{ $name }」という名前のブログはありません。
blog_name_empty = ブログに短い名前を付けてください（例:「main」）。
blog_name_taken = 「{ $name }」という名前のブログはすでにあります。別の名前にしてください。

## エラー: 本

bad_isbn = 「{ $typed }」は正しい ISBN ではありません。13桁（978-…）か10桁で入力し（ハイフンは任意）、最後の桁を確かめてください。
book_not_found = ISBN { $isbn } はどの書誌データベースにも見つかりませんでした（{ $tried }）。番号を確かめるか、本の情報を手で入力してください。
book_lookup_failed = ISBN { $isbn } の書誌データベースに接続できませんでした: { $detail }。本の情報を手で入力するか、オンラインのときにもう一度お試しください。
bad_rating = 評価は星1〜5です。{ $rating } は使えません。

## ウィンドウのエラー

not_a_web_address = { $url } は Web のアドレスではありません。
preview_out_of_step = プレビューがエディタとずれたため、描き直します。
not_an_image_upload = 保存する画像のデータが届きませんでした。
path_not_granted = 「選択…」ボタンでファイルかフォルダを選び直してください。

## コマンドライン

cli-error = fumi: { $message }
cli-hint-recreate = 新しく公開するには、同じコマンドに --recreate を付けて実行してください。
cli-hint-allow-files = アップロードするには、同じコマンドに --allow-files を付けて実行してください。
cli-hint-blogs-list = ブログの一覧は `fumi blogs list` で表示できます。
cli-added = { $name } を追加しました: { $url }（{ $user }）。
cli-answers = { $name } に接続でき、パスワードも有効です。
cli-scheduled = （予約投稿）
cli-pulled = { $count } 件の記事を下書きとして取り込みました{ $ids ->
        [none] {""}
       *[other] : { $ids }
    }。{ $linked } 件は関連付け済みです。
cli-moved = 下書き { $drafts } 件、画像 { $images } 件
cli-attempts = { $count } 回試行
cli-untitled = （無題）
cli-kept = （以前の検索結果）
cli-secret-prompt = アプリケーションパスワード:{" "}

## ウィンドウの言葉（ui/src/i18n.js）: `ui-<key>` は `t.<key>`、`ui-<group>-<id>` は `t.<group>[id]`。

ui-newDraft = 新規作成
ui-searchPlaceholder = 下書きを検索
ui-titlePlaceholder = タイトル
ui-untitled = 無題
ui-drafts = 下書き
ui-trash = ゴミ箱
ui-showTrash = ゴミ箱 ({ $count })
ui-backToDrafts = ← 下書きに戻る
ui-searchResults = { $count }件
ui-noDrafts = 下書きはまだありません。書いた文章は入力するそばから保存されます。
ui-noResults = 該当する下書きはありません。
ui-filterStatus = 状態
ui-filterTag = タグ
ui-filterBlog = ブログ
ui-sortBy = 並び順
ui-anyStatus = すべての状態
ui-anyTag = すべてのタグ
ui-anyBlog = すべてのブログ
ui-libraryStatus-draft = 下書き
ui-libraryStatus-published = 公開済み
ui-libraryStatus-modified = 公開後に変更あり
ui-libraryStatus-scheduled = 予約投稿
ui-sortUpdated = 編集が新しい順
ui-sortCreated = 作成が新しい順
ui-tagsButton = タグ…
ui-tagsPlaceholder = タグをカンマか読点で区切る
ui-trashEmpty = ゴミ箱は空です。
ui-emptyState = 下書きを選ぶか、新しく書き始めましょう。
ui-saved = 保存済み
ui-saving = 保存中…
ui-unsaved = 未保存の変更
ui-saveFailed = 保存できませんでした — { $reason }
ui-chars = { $count }字
ui-words = { $count }語
ui-moveToTrash = ゴミ箱へ移動
ui-movedToTrash = 「{ $title }」をゴミ箱に移動しました。
ui-undo = 元に戻す
ui-restore = 復元
ui-deleteForever = 完全に削除
ui-confirmDeleteForever = 「{ $title }」を完全に削除しますか？元には戻せません。
ui-cancel = キャンセル
ui-closeUnsaved = 最新の文章を保存できませんでした（{ $reason }）。今閉じると失われます。
ui-keepOpen = Fumiを開いたままにする
ui-closeAnyway = 保存せずに閉じる
ui-startupError = データベースを開けませんでした。{ $reason }
ui-justNow = たった今
ui-blog = ブログ
ui-blogs = ブログ
ui-manageBlogs = ブログ設定…
ui-connectBlog = ブログを接続して公開
ui-publish = 公開
ui-update = 更新
ui-noBlogs = ブログはまだありません。下から追加してください。パスワードはシステムのキーチェーンに保存されます。
ui-addBlog = ブログを追加
ui-blogKind = 種類
ui-kindWordPress = WordPress（REST API）
ui-kindMetaWeblog = MetaWeblog / XML-RPC（xmlrpc.php）
ui-kindHatena = はてなブログ（AtomPubのルートURL・はてなID・APIキー）
ui-blogName = 短い名前
ui-blogUrl = アドレス
ui-blogUser = ユーザー名
ui-blogSecret = アプリケーションパスワード
ui-secretHint = WordPressでは「ユーザー → プロフィール → アプリケーションパスワード」で作成します（その他のXML-RPC対応ブログではAPIパスワード）。Fumiのファイルではなく、システムのキーチェーンに保存されます。
ui-hatenaUrl = AtomPubのルート
ui-hatenaUser = はてなID
ui-hatenaSecret = APIキー
ui-hatenaHint = はてなブログの「設定 → 詳細設定 → AtomPub」にルートエンドポイントとAPIキーが表示されます。キーはFumiのファイルではなく、システムのキーチェーンに保存されます。
ui-testAndAdd = 接続を確認して追加
ui-testing = 接続を確認しています…
ui-added = 「{ $name }」を追加しました。
ui-test = 確認
ui-remove = 削除
ui-connectionOk = { $name }に接続でき、パスワードも有効です。
ui-confirmRemoveBlog = 「{ $name }」をFumiから削除しますか？記事はブログに残りますが、記事との関連付けは失われます。
ui-close = 閉じる
ui-standing-not_published = 未公開
ui-standing-published = 公開済み
ui-standing-scheduled = 予約投稿
ui-standing-draft_on_blog = ブログに下書き保存
ui-standing-modified = 公開後に変更あり
ui-standing-failed = 失敗
ui-standing-queued = 送信待ち
ui-sendNow = 今すぐ送信
ui-welcome = Fumiは、入力した文字を一文字残らずこのコンピューター上のデータベースに保存し、横にはプレビューを表示します。記事ができたら、ワンクリックではてなブログやWordPressに公開でき、もう一度押せば同じ記事が更新されます。
ui-startWriting = 書きはじめる
ui-connectBlogFirst = ブログを接続する
ui-settings = 設定
ui-language = 言語
ui-languageSystem = システムに合わせる
ui-theme = テーマ
ui-themeSystem = システムに合わせる
ui-themeLight = ライト
ui-themeDark = ダーク
ui-editorFont = エディターの書体
ui-fontSans = ゴシック体
ui-fontSerif = 明朝体
ui-fontMono = 等幅
ui-editorFontSize = エディターの文字サイズ (px)
ui-revisionInterval = 入力中に履歴を残す間隔
ui-every30s = 30秒ごと
ui-every1m = 1分ごと
ui-every5m = 5分ごと
ui-every15m = 15分ごと
ui-defaultBlog = 新しい下書きの公開先
ui-lastUsedBlog = 前回使ったブログ
ui-affiliateTag = アフィリエイトタグ（本のリンク）
ui-yourData = データ
ui-exportTo = すべての下書きと画像の書き出し先フォルダー
ui-exportAll = すべて書き出す
ui-importFrom = 読み込む書き出しフォルダー
ui-importAll = すべて読み込む
ui-chooseFolder = 選択…
ui-chooseFolderFirst = 先にフォルダを選択してください（選択…）。
ui-historyHeading = この下書きの履歴
ui-historyButton = 履歴
ui-reading = 約{ $minutes }分で読めます
ui-goalButton = 目標…
ui-goalPlaceholder = 文字数
ui-goalProgress = 目標{ $goal }字の{ $percent }%
ui-restoreRevision = この版に戻す
ui-noRevisions = 以前の版はまだありません。入力中と保存のたびに残ります。
ui-sameAsNow = この版は今の本文と同じです。
ui-exported = { $drafts }件の下書きと{ $assets }枚の画像を{ $dir }に書き出しました。
ui-imported = { $drafts }件の下書きと{ $assets }枚の画像を読み込みました。
ui-settingsNote = 設定を反映するためにウィンドウを再読み込みします。
ui-save = 保存
ui-about = Fumiについて
ui-aboutText = Fumiは、長い記事を日本語や英語で書き、ブログへ公開するためのデスクトップアプリです。書いたものはすべて、このコンピューター上の1つのSQLiteファイルに保存されます。
ui-license = ライセンス
ui-dataFolder = データフォルダー
ui-logsFolder = ログフォルダー
ui-openFolder = 開く
ui-queued = { $blog }に接続できません。つながり次第Fumiが送信します。下書きはそのまま保存されています。
ui-connecting = 接続中…
ui-images = 画像 { $done }/{ $total }
ui-sending = 送信中…
ui-overwrite = 上書きする
ui-allowFiles = これらのファイルをアップロード
ui-takeRemote = ブログ側の内容を取り込む
ui-menu-file = ファイル
ui-menu-new-draft = 新規作成
ui-menu-new-review = 新しい書評…
ui-menu-save = 保存
ui-menu-import-markdown = Markdownファイルを開く…
ui-menu-export-markdown = Markdownで書き出す…
ui-menu-export-html = HTMLで書き出す…
ui-menu-settings = 設定…
ui-menu-quit = 終了
ui-menu-edit = 編集
ui-menu-find-in-draft = 下書き内を検索
ui-menu-find-in-drafts = すべての下書きから検索
ui-menu-history = 履歴…
ui-menu-view = 表示
ui-menu-toggle-preview = プレビューの表示／非表示
ui-menu-focus-mode = 集中モード
ui-menu-my-books = 読んだ本
ui-menu-post = 投稿
ui-menu-publish = 公開
ui-menu-book = 本の情報
ui-menu-blogs = ブログ…
ui-menu-help = ヘルプ
ui-menu-open-logs = ログフォルダーを開く
ui-menu-open-data = データフォルダーを開く
ui-menu-about = Fumiについて
ui-bookButton = 本
ui-bookHeading = この本
ui-isbn = ISBN
ui-lookUp = 検索
ui-lookingUp = 検索中…
ui-foundIn = { $source }の情報を入れました。
ui-bookTitle = 書名
ui-bookAuthors = 著者（読点かカンマで区切る）
ui-bookPublisher = 出版社
ui-bookPublished = 発行日
ui-bookPages = ページ数
ui-bookRating = 評価
ui-noRating = 評価なし
ui-bookStarted = 読み始めた日
ui-bookFinished = 読み終えた日
ui-insertCard = ここに本のカードを入れる
ui-newReviewPrompt = どの本の書評ですか？ ISBN（10桁か13桁）を入力してください。
ui-newReviewCreate = 書評を始める
ui-reviewWithoutLookup = ISBNだけで書評を始めました。{ $reason }
ui-myBooksHeading = 読んだ本
ui-sortRead = 読んだ日
ui-sortRating = 評価
ui-sortAuthor = 著者
ui-noBooks = 書評した本はまだありません。ファイル → 新しい書評… でISBNから始められます。
ui-reviewTemplate = 書評のテンプレート（空欄ならFumiの既定。{"{"}title{"}"}・{"{"}authors{"}"}・{"{"}publisher{"}"}・{"{"}isbn{"}"} が入ります）
ui-bookSources = 書誌データベース
ui-bookSourcesHint = ISBNの検索をこの順で問い合わせる先です。プロキシを通すときだけ変えてください。空欄の先は使いません。
ui-exportedDraft = { $path }に保存しました。
ui-openedFiles = 新しい下書きとして開きました。
ui-createAgain = もう一度作成
