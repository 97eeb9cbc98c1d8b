<?php
// WordPress for the publisher tests: MariaDB over a private socket, plain http on loopback.
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:@SOCK@');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
$table_prefix = 'wp_';
define('AUTH_KEY', 'fumi-test'); define('SECURE_AUTH_KEY', 'fumi-test'); define('LOGGED_IN_KEY', 'fumi-test');
define('NONCE_KEY', 'fumi-test'); define('AUTH_SALT', 'fumi-test'); define('SECURE_AUTH_SALT', 'fumi-test');
define('LOGGED_IN_SALT', 'fumi-test'); define('NONCE_SALT', 'fumi-test');
// Application passwords over plain http need the "local" environment.
define('WP_ENVIRONMENT_TYPE', 'local');
define('WP_HOME', 'http://127.0.0.1:@PORT@');
define('WP_SITEURL', 'http://127.0.0.1:@PORT@');
define('DISABLE_WP_CRON', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_DEBUG', false);
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
