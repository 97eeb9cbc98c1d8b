# Fumi's messages in English. One catalog for the core, the CLI and the window: each error's
# message is keyed by its code (fumi_core::Error::code); the CLI's own lines start with cli-.
# ja.ftl must hold every key of this file (a test checks both ways).

## Errors: the data folder and the database

data_dir = Fumi cannot use its data folder { $path }: { $detail }
no_data_dir = Fumi cannot find a folder for its data on this system; start it with --data-dir DIR
database_locked = The database { $path } is locked by another program; close it and try again. Your text is still in the editor.
database_corrupt = The database { $path } is damaged or is not a Fumi database ({ $detail }). Fumi did not change it; restore it from a backup or choose another data folder.
database_read_only = Fumi cannot write to { $path } ({ $detail }). Check the folder's permissions. Your text is still in the editor.
disk_full = The disk holding { $path } is full. Free some space; your text is still in the editor.
schema_too_new = The database { $path } was written by a newer version of Fumi (schema { $found }; this version knows up to { $known }). Update Fumi; nothing was changed.
database = Database error while { $action }: { $detail }
migration = Fumi could not upgrade the database { $path }: { $detail }
settings = Fumi could not save the settings: { $detail }
system = Fumi could not { $action }: { $detail }

## Errors: drafts, files and images

draft_not_found = There is no draft with id { $id }.
revision_not_found = That revision is no longer in this draft's history (revision { $id }).
read_file = Cannot read { $path }: { $detail }
write_file = Cannot write { $path }: { $detail }
not_utf8 = { $path } is not UTF-8 text (invalid byte at offset { $offset }); save it as UTF-8 and try again.
text_too_large = { $name } is larger than { $limit_mb } MB, more than one draft can hold; split it and try again. Nothing was changed.
export_folder_not_empty = { $path } is not empty; export into a new or empty folder.
front_matter = The settings block at the top of the draft (between the --- lines) has a mistake{ $line ->
        [none] {""}
       *[other] {" "}on line { $line }
    }: { $detail }
bad_date = “{ $value }” is not a date Fumi understands; write it like 2026-12-01 09:00 or 2026-12-01T09:00:00+09:00.
not_an_image = { $name } is not an image Fumi can publish (PNG, JPEG, GIF, WebP, AVIF…).
not_a_file = { $path } is not a file on this computer, so Fumi did not read it; use an image file.
image_too_large = { $name } is { $mb } MB; images up to { $limit_mb } MB can be published. Make it smaller and try again.
asset_not_found = The draft shows the image fumi-asset:{ $hash }, which is not in Fumi's database; paste it again.
local_files_need_consent = Publishing uploads these files from this computer to the blog: { $files }. Allow them for this draft, or remove them from the text.

## Errors: blogs and publishing

blog_unreachable = Fumi could not reach { $url }: { $detail }. Check the address and your connection; your draft is unchanged.
blog_rejected_credentials = { $blog } rejected the user name or application password ({ $detail }). Create a new application password in the blog's profile page and enter it again.
blog_not_wordpress = { $url } does not look like a WordPress site with the REST API enabled (no api.w.org link).
blog_http = { $url } answered { $status }: { $message } ({ $reply_code })
blog_fault = { $url } refused: { $message } (fault { $fault })
blog_malformed_reply = { $url } sent an answer Fumi cannot read: { $detail }
blog_certificate = The certificate of { $url } is not trusted, so Fumi sent nothing there ({ $detail }). If the blog really uses a certificate of its own, add it to the system's trusted certificates.
blog_rate_limited = { $url } is busy and asked Fumi to wait { $wait ->
        [none] a while
       *[other] { $wait } seconds
    }. Your draft is unchanged; a publish waits in Fumi's queue and is sent again by itself after that.
insecure_connection = Fumi will not send your password or API key in clear text to { $url }: enter the blog's https address.
blog_points_elsewhere = { $site } sent Fumi to another host, { $elsewhere }; Fumi sent it nothing, and your password stays with { $site }. If your blog really lives at { $elsewhere }, add it with that address.
hatena_notation_mode = This Hatena blog is in はてな記法 (Hatena notation) mode. Switch it to Markdown (or 見たまま) in the blog's settings (基本設定 › 編集モード) and publish again; nothing was sent.
remote_post_not_found = The post { $id } no longer exists on the blog; it may have been deleted on the web. Create it again to publish it anew.
remote_changed = The post on the blog differs from the version Fumi last knew — the one it published, or the file the draft was imported from (last modified there { $remote }). Publishing now would overwrite the blog's version: overwrite it, or take the blog's version into the draft first.
terms_dropped = The post was saved, but the blog did not keep these categories or tags: { $names }.
not_published = Draft { $draft } has not been published to { $blog }.
preview_of_public_post = This post is public (or scheduled) on { $blog }: previewing the draft there would change what readers see. Update the post to see it on the blog.
publish_in_progress = This draft is being sent to the blog from the publish queue right now; try again in a moment.
publish_queued = { $reason } The publish is queued: Fumi sends it when the blog answers (the open window does so by itself; `fumi queue send` sends it now).
keychain = Fumi cannot use the system keychain, where blog passwords are kept: { $detail }
secret_missing = The keychain holds no password for blog { $blog }; add the blog again.
secret_for_another_site = The password kept for blog { $blog } belongs to { $stored }, not to { $site }; Fumi sent it nowhere. Add the blog's password again.
blog_not_found = There is no blog named “{ $name }”.
blog_name_empty = Give the blog a short name, e.g. “main”.
blog_name_taken = A blog named “{ $name }” exists already; choose another name.

## Errors: books

bad_isbn = “{ $typed }” is not a valid ISBN: type its 13 digits (978-…) or 10 characters, hyphens optional, and check the last digit.
book_not_found = No book database knows ISBN { $isbn } ({ $tried }). Check the number, or fill in the book's details by hand.
book_lookup_failed = The book databases could not be reached for ISBN { $isbn }: { $detail }. Fill in the book's details by hand, or try again when online.
blog_style_failed = The blog's page { $url } could not be read for its look: { $detail }. The preview keeps the look last read, or Fumi's own.
page_card_failed = { $url } could not be read for its card: { $detail }. The card shows the address; it is tried again later.
bad_rating = A rating is one to five stars; { $rating } is not.
sync_not_set_up = Sync is not set up: give Fumi a git remote in Settings → Sync (or `fumi sync setup URL`).
sync_unreachable = The sync remote { $remote } could not be reached: { $detail }. Your drafts are safe here; Fumi syncs when it can.
sync_sign_in_refused = The sync remote { $remote } refused the sign-in. Check the token (or SSH key) in Settings → Sync; your drafts are safe here.
sync_refused = The sync remote { $remote } did not take what Fumi sent: { $detail }. Nothing was forced and nothing is lost; Fumi tries again at the next sync.
sync_not_fumi = The sync remote { $remote } holds files that are not Fumi's drafts ({ $found }). Give Fumi an empty repository, or one Fumi synced.
sync_failed = The sync folder could not be used: { $detail }. Your drafts are safe in Fumi's database.

## Errors the window adds

not_a_web_address = { $url } is not a web address.
preview_out_of_step = The preview lost step with the editor; it is drawn again.
not_an_image_upload = Fumi received no image bytes to keep.
path_not_granted = Choose the file or folder again with the Choose… button.

## The command line

cli-error = fumi: { $message }
cli-hint-recreate = To publish it anew, run the same command with --recreate.
cli-hint-allow-files = To upload them, run the same command with --allow-files.
cli-hint-blogs-list = `fumi blogs list` shows the blogs.
cli-added = Added { $name }: { $url } as { $user }.
cli-answers = { $name } answers and accepts the password.
cli-scheduled = (scheduled)
cli-blog-preview = { $differing } of { $count } blocks show otherwise on { $blog } than in Fumi's preview (marked !). The draft on the blog: { $url }
cli-pulled = Imported { $count } posts as drafts{ $ids ->
        [none] {""}
       *[other] : { $ids }
    }; { $linked } already linked.
cli-moved = { $drafts } drafts, { $images } images
cli-sync-report = Synced: { $sent } drafts sent, { $received } received, { $deleted } deleted.
cli-sync-conflict = Draft { $draft } was changed on another computer in the same lines: both texts are kept. Choose with `fumi sync resolve { $draft } --keep mine|theirs`.
cli-sync-kept = Draft { $draft } was deleted on one computer and changed on the other: it is kept.
cli-sync-status = Syncing through { $remote }; last synced { $when }.
cli-sync-never = never
cli-sync-unread = { $path } from another computer could not be read here; it stays in the repository for the computer that wrote it.
cli-sync-resolved = Draft { $draft } ({ $title }) is settled; the other text is kept as a revision.
cli-attempts = { $count } attempts
cli-untitled = (untitled)
cli-kept = (kept from an earlier lookup)
cli-secret-prompt = Application password:{" "}

## What Fumi was doing when something failed: the `{ $action }` of `database` and `system`.

action-adding-a-blog = adding a blog
action-allowing-a-draft-to-upload-files = allowing a draft to upload files
action-build-the-menu = build the menu
action-changing-a-blog-s-sign-in = changing a blog's sign-in
action-checking-the-database = checking the database
action-claiming-a-queued-publish = claiming a queued publish
action-configuring-the-database = configuring the database
action-checkpointing-the-database = writing the database log into the database file
action-create-the-folder = create the folder
action-creating-a-draft = creating a draft
action-deleting-a-draft = deleting a draft
action-finding-a-post-s-draft = finding a post's draft
action-finding-a-synced-draft = finding a synced draft
action-forgetting-a-publication = forgetting a publication
action-indexing-drafts-for-search = indexing drafts for search
action-keeping-a-book-s-facts = keeping a book's facts
action-keeping-a-page-card = keeping a page card
action-keeping-another-computer-s-text = keeping another computer's text
action-keeping-the-blog-s-categories = keeping the blog's categories
action-keeping-the-blog-s-look = keeping the blog's look
action-linking-a-draft-to-a-post = linking a draft to a post
action-listing-blogs = listing blogs
action-listing-books = listing books
action-listing-drafts = listing drafts
action-counting-drafts = counting drafts
action-matching-a-draft = matching a draft
action-counting-the-trash = counting the trash
action-listing-images = listing images
action-listing-publications = listing publications
action-listing-revisions = listing revisions
action-listing-tags = listing tags
action-loading-a-blog = loading a blog
action-loading-a-draft = loading a draft
action-loading-a-publication = loading a publication
action-loading-an-image = loading an image
action-loading-an-uploaded-image = loading an uploaded image
action-loading-the-draft-s-book = loading the draft's book
action-moving-a-draft-to-the-trash = moving a draft to the trash
action-naming-drafts-for-sync = naming drafts for sync
action-open-the-browser = open the browser
action-open-the-folder = open the folder
action-opening-the-database = opening the database
action-queueing-a-publish = queueing a publish
action-reading-a-revision = reading a revision
action-reading-sync-conflicts = reading sync conflicts
action-reading-the-blog-s-categories = reading the blog's categories
action-reading-the-blog-s-look = reading the blog's look
action-reading-the-book-cache = reading the book cache
action-reading-the-files-a-draft-may-upload = reading the files a draft may upload
action-reading-the-page-cards = reading the page cards
action-reading-the-publish-queue = reading the publish queue
action-reading-the-schema-version = reading the schema version
action-reading-the-settings = reading the settings
action-reading-the-sync-remote = reading the sync remote
action-recording-a-blog-s-keychain-entry = recording a blog's keychain entry
action-recording-a-failed-publish = recording a failed publish
action-recording-a-post-s-state = recording a post's state
action-recording-a-publish = recording a publish
action-recording-a-sync = recording a sync
action-recording-an-uploaded-image = recording an uploaded image
action-removing-a-blog = removing a blog
action-removing-a-queued-publish = removing a queued publish
action-removing-a-sent-publish-from-the-queue = removing a sent publish from the queue
action-removing-the-draft-s-book = removing the draft's book
action-rescheduling-a-queued-publish = rescheduling a queued publish
action-restoring-a-draft = restoring a draft
action-saving-the-draft = saving the draft
action-saving-the-draft-s-book = saving the draft's book
action-saving-the-settings = saving the settings
action-setting-the-draft-s-goal = setting the draft's goal
action-setting-the-sync-remote = setting the sync remote
action-settling-a-sync-conflict = settling a sync conflict
action-start-its-network-runtime = start its network runtime
action-storing-an-image = storing an image
action-upgrading-the-database = upgrading the database

## The window's own words (ui/src/i18n.js): `ui-<key>` is `t.<key>`; `ui-<group>-<id>` is
## `t.<group>[id]`.

ui-newDraft = New draft
ui-searchPlaceholder = Search drafts
ui-titlePlaceholder = Title
ui-untitled = Untitled
ui-drafts = Drafts
ui-trash = Trash
ui-showTrash = Trash ({ $count })
ui-backToDrafts = ← Back to drafts
ui-searchResults = { $count } found
ui-noDrafts = No drafts yet. Your words will be kept here as you type.
ui-noResults = No draft matches.
ui-filterStatus = Status
ui-filterTag = Tag
ui-filterBlog = Blog
ui-sortBy = Order
ui-anyStatus = Any status
ui-anyTag = Any tag
ui-anyBlog = Any blog
ui-libraryStatus-draft = Draft
ui-libraryStatus-published = Published
ui-libraryStatus-modified = Modified since publishing
ui-libraryStatus-scheduled = Scheduled
ui-sortUpdated = Last edited
ui-sortCreated = Last created
ui-tagsButton = Tags…
ui-tagsPlaceholder = tags, separated by commas
ui-trashEmpty = The trash is empty.
ui-emptyState = Pick a draft, or start a new one.
ui-saved = Saved
ui-saving = Saving…
ui-unsaved = Unsaved changes
ui-saveFailed = Not saved — { $reason }
ui-chars = { $count ->
        [one] { $count } char
       *[other] { $count } chars
    }
ui-words = { $count ->
        [one] { $count } word
       *[other] { $count } words
    }
ui-moveToTrash = Move to trash
ui-movedToTrash = “{ $title }” moved to the trash.
ui-undo = Undo
ui-restore = Restore
ui-deleteForever = Delete forever
ui-confirmDeleteForever = Delete “{ $title }” for good? This cannot be undone.
ui-cancel = Cancel
ui-closeUnsaved = Your latest text could not be saved ({ $reason }). If you close now, it is lost.
ui-keepOpen = Keep Fumi open
ui-closeAnyway = Close without saving
ui-startupError = Fumi could not open its database. { $reason }
ui-justNow = just now
ui-blog = Blog
ui-blogs = Blogs
ui-manageBlogs = Blogs…
ui-connectBlog = Connect a blog to publish
ui-publish = Publish
ui-update = Update
ui-noBlogs = No blog yet. Add one below; its password is kept in the system keychain.
ui-addBlog = Add a blog
ui-blogKind = Kind
ui-kindWordPress = WordPress (REST API)
ui-kindMetaWeblog = MetaWeblog / XML-RPC (xmlrpc.php)
ui-kindHatena = Hatena Blog (AtomPub root URL, Hatena ID, API key)
ui-blogName = Short name
ui-blogUrl = Address
ui-blogUser = User name
ui-blogSecret = Application password
ui-secretHint = On WordPress, create one under Users → Profile → Application Passwords (other XML-RPC hosts: your API password). It is stored in the system keychain, never in Fumi's files.
ui-hatenaUrl = AtomPub root
ui-hatenaUser = Hatena ID
ui-hatenaSecret = API key
ui-hatenaHint = In Hatena Blog: Settings → Advanced (詳細設定) → AtomPub shows the root endpoint and the API key. The key is stored in the system keychain, never in Fumi's files.
ui-testAndAdd = Test and add
ui-testing = Testing the connection…
ui-added = Added “{ $name }”.
ui-test = Test
ui-remove = Remove
ui-connectionOk = { $name } answers and accepts the password.
ui-confirmRemoveBlog = Remove “{ $name }” from Fumi? Its posts stay on the blog; the links to them are forgotten.
ui-close = Close
ui-standing-not_published = Not published
ui-standing-published = Published
ui-standing-scheduled = Scheduled
ui-standing-draft_on_blog = Draft on the blog
ui-standing-modified = Modified since publishing
ui-standing-failed = Failed
ui-standing-queued = Waiting to send
ui-sendNow = Send now
ui-previewOnBlog = Preview on the blog
ui-blogStyle = Blog's look
ui-previewingOnBlog = Sending to { $blog } as a draft…
ui-blogPreviewHeading = As the blog shows it
ui-blogPreviewSame = { $blog } shows this draft as Fumi's preview does.
ui-blogPreviewDiffers = { $count ->
        [one] One block, marked in red, shows
       *[other] { $count } blocks, marked in red, show
    } on { $blog } otherwise than in Fumi's preview.
ui-blogBlockDiffers = Fumi's preview shows this block otherwise
ui-openOnBlog = Open the draft on the blog
ui-newCategory = A new category on { $blog }: the blog creates it when the post is published.
ui-welcome = Fumi keeps every word you type in a database on this computer, with a live preview beside it. When a post is ready, one click publishes it to Hatena Blog or WordPress, and the next click updates the same post.
ui-startWriting = Start writing
ui-connectBlogFirst = Connect a blog
ui-settings = Settings
ui-language = Language
ui-languageSystem = As the system
ui-theme = Theme
ui-themeSystem = As the system
ui-themeLight = Light
ui-themeDark = Dark
ui-editorFont = Editor typeface
ui-fontSans = Sans-serif
ui-fontSerif = Serif (明朝)
ui-fontMono = Monospace
ui-editorFontSize = Editor text size (px)
ui-revisionInterval = Keep a revision while typing
ui-every30s = every 30 seconds
ui-every1m = every minute
ui-every5m = every 5 minutes
ui-every15m = every 15 minutes
ui-defaultBlog = Blog for new drafts
ui-lastUsedBlog = The last one used
ui-affiliateTag = Affiliate tag (book links)
ui-hatenaBookCard = The [book] card on Hatena
ui-hatenaBookCardFumi = Fumi's card
ui-hatenaBookCardAsin = Hatena's [asin] card
ui-yourData = Your data
ui-syncHeading = Sync between computers
ui-syncHint = Your drafts, images and books are kept in a git repository you already have (GitHub, GitLab, Gitea, or your own server over SSH), and every computer with Fumi set up on it syncs through it. An empty repository gets this computer's drafts; one with drafts brings them here.
ui-syncRemote = Repository address
ui-syncToken = Token (HTTPS)
ui-syncTokenPlaceholder = kept in the keychain; none for SSH
ui-syncSetUp = Test and sync
ui-syncSetUpDone = Synced: { $sent } drafts sent, { $received } received.
ui-syncing = Syncing…
ui-syncedAgo = { $minutes ->
    [0] Synced just now
    [one] Synced 1 min ago
   *[other] Synced { $minutes } min ago
}
ui-syncNever = Not synced yet
ui-syncOffline = Offline — will sync later
ui-syncFailed = Sync failed
ui-syncConflicts = { $count ->
    [one] Conflict in 1 draft
   *[other] Conflict in { $count } drafts
}
ui-syncDeletedWhileOpen = This draft was deleted on another computer while you typed: your text is kept as a new draft.
ui-syncKept = { $count ->
    [one] A draft deleted on another computer had changes here: it is kept.
   *[other] { $count } drafts deleted on another computer had changes here: they are kept.
}
ui-conflictHeading = Changed on two computers:
ui-conflictHint = The same lines were changed here and on another computer. Choose one text, or edit your own merge; the text you do not choose is kept in the draft's history.
ui-conflictMine = This computer
ui-conflictTheirs = The other computer
ui-conflictEdit = Edit a merge of the two
ui-conflictLater = Later
ui-conflictSaveMerged = Save my merge
ui-conflictTakeTheirs = Take the other's
ui-conflictKeepMine = Keep mine
ui-exportTo = Export every draft and image to the folder
ui-exportAll = Export all
ui-importFrom = Import an export from the folder
ui-importAll = Import all
ui-chooseFolder = Choose…
ui-chooseFolderFirst = Choose a folder first (Choose…).
ui-historyHeading = History of this draft
ui-historyButton = History
ui-reading = { $minutes } min read
ui-goalButton = Goal…
ui-goalPlaceholder = characters
ui-goalProgress = { $percent }% of { $goal } chars
ui-restoreRevision = Restore this version
ui-noRevisions = No earlier version yet: Fumi keeps one while you type, and on every explicit save.
ui-sameAsNow = This version is the same as the text now.
ui-exported = Exported { $drafts } drafts and { $assets } images to { $dir }.
ui-imported = Imported { $drafts } drafts and { $assets } images.
ui-settingsNote = The window reloads to apply the settings.
ui-save = Save
ui-about = About Fumi
ui-aboutText = Fumi is a desktop app for writing long posts, in Japanese or English, and publishing them to your blog. Everything you write is kept in one SQLite file on this computer.
ui-license = Licence
ui-dataFolder = Data folder
ui-logsFolder = Logs folder
ui-openFolder = Open
ui-queued = { $blog } cannot be reached. Fumi will send this publish when it answers; your draft is safe.
ui-connecting = Connecting…
ui-images = Images { $done }/{ $total }
ui-sending = Sending…
ui-overwrite = Overwrite
ui-allowFiles = Upload these files
ui-takeRemote = Take the blog's version
ui-menu-file = File
ui-menu-new-draft = New Draft
ui-menu-new-review = New Book Review…
ui-menu-save = Save
ui-menu-import-markdown = Open Markdown Files…
ui-menu-export-markdown = Export as Markdown…
ui-menu-export-html = Export as HTML…
ui-menu-settings = Settings…
ui-menu-quit = Quit
ui-menu-edit = Edit
ui-menu-find-in-draft = Find in Draft
ui-menu-find-in-drafts = Find Across Drafts
ui-menu-history = History…
ui-menu-view = View
ui-menu-toggle-preview = Show or Hide Preview
ui-menu-focus-mode = Focus Mode
ui-menu-my-books = My Books
ui-menu-post = Post
ui-menu-publish = Publish
ui-menu-book = Book Details
ui-menu-blogs = Blogs…
ui-menu-refresh-cards = Read Embedded Pages Again
ui-menu-help = Help
ui-menu-open-logs = Open Logs Folder
ui-menu-open-data = Open Data Folder
ui-menu-about = About Fumi
ui-bookButton = Book
ui-bookHeading = The book
ui-isbn = ISBN
ui-lookUp = Look up
ui-lookingUp = Looking up…
ui-foundIn = Filled in from { $source }.
ui-bookTitle = Title
ui-bookAuthors = Authors (separated by commas)
ui-bookPublisher = Publisher
ui-bookPublished = Published
ui-bookPages = Pages
ui-bookRating = Rating
ui-noRating = No rating
ui-bookStarted = Started
ui-bookFinished = Finished
ui-insertCard = Insert the book card here
ui-newReviewPrompt = A review of which book? Type its ISBN (10 or 13 digits).
ui-newReviewCreate = Start the review
ui-reviewWithoutLookup = The review is started with its ISBN only. { $reason }
ui-myBooksHeading = My books
ui-sortRead = Date read
ui-sortRating = Rating
ui-sortAuthor = Author
ui-noBooks = No reviewed books yet. File → New Book Review… starts one from an ISBN.
ui-reviewTemplate = Review template (empty: Fumi's own; {"{"}title{"}"}, {"{"}authors{"}"}, {"{"}publisher{"}"}, {"{"}isbn{"}"} are filled in)
ui-bookSources = Book databases
ui-bookSourcesHint = Where ISBN lookups are sent, in this order. Change them only to go through a proxy; empty skips one.
ui-exportedDraft = Saved { $path }.
ui-openedFiles = Opened as a new draft.
ui-createAgain = Create again
ui-readMore = Read more
ui-manuscriptPages = { $pages ->
        [one] 1 manuscript page
       *[other] { $pages } manuscript pages
    }
ui-selectionCount = Selected: { $chars ->
        [one] 1 character
       *[other] { $chars } characters
    }, { $words ->
        [one] 1 word
       *[other] { $words } words
    }
ui-proofreading = Proofreading
ui-proofreadingHint = Marks in the editor, never changes the text. Quotations and code are left alone.
ui-proofreadMaxSentence = Longest sentence (characters)
ui-proofreadMaxCommas = Most 、 in a sentence
ui-proofreadFix = Replace with “{ $fix }”
ui-proofreadRemove = Remove
ui-proofreadRule-long_sentence = Long sentences
ui-proofreadRule-many_commas = Too many 、 in a sentence
ui-proofreadRule-mixed_style = です・ます and だ・である mixed
ui-proofreadRule-ra_nuki = ら抜き言葉 (見れる)
ui-proofreadRule-double_negative = Double negatives (ないことはない)
ui-proofreadRule-doubled_particle = A particle twice (私は今日は, のの)
ui-proofreadRule-doubled_word = A word typed twice
ui-proofreadRule-variants = 表記ゆれ: one word written two ways
ui-proofreadRule-half_width_kana = Half-width katakana
ui-proofreadRule-trailing_wide_space = Full-width space at a line's end
ui-proofreadRule-brackets = Unmatched brackets 「」『』（）
ui-proofreadRule-spelling = English spelling (the system's dictionary)

## Proofreading: what each rule says of what it found (`proofread-<rule>`).

proofread-long_sentence = A long sentence: { $count } characters (your limit is { $limit }). Splitting it makes it easier to read.
proofread-many_commas = { $count } 、 in one sentence (your limit is { $limit }). Could it be two sentences?
proofread-mixed_style = This sentence ends in { $style } style; the rest of the post uses { $post_style } ({ $post_count } sentences).
proofread-style-polite = です・ます (polite)
proofread-style-plain = だ・である (plain)
proofread-ra_nuki = 「{ $text }」 drops the ら of the potential form (ら抜き言葉); the standard form is 「{ $fix }」.
proofread-double_negative = A double negative, 「{ $text }」: saying it positively is clearer.
proofread-doubled_particle = The particle 「{ $particle }」 twice, in a row or in one clause.
proofread-doubled_word = 「{ $word }」 is written twice.
proofread-variants = { $why ->
        [long_vowel] A long vowel is written ー, not 「{ $text }」.
       *[other] 表記ゆれ: this post mostly writes 「{ $fix }」, here 「{ $text }」.
    }
proofread-half_width_kana = Half-width katakana 「{ $text }」: the full-width form is 「{ $fix }」.
proofread-trailing_wide_space = A full-width space at the end of the line.
proofread-brackets = The bracket 「{ $text }」 has no partner: 「{ $expected }」 is missing.
