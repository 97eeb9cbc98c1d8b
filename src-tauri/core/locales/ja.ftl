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
