<?php
// Installs WordPress with an application password; prints the credentials.
//   php install.php PORT pretty|plain
define('WP_INSTALLING', true);
// No mail server here: the install's welcome mail goes nowhere.
function wp_mail() { return true; }
$_SERVER['HTTP_HOST'] = '127.0.0.1:' . $argv[1];
$_SERVER['REQUEST_URI'] = '/';
require 'wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
$result = wp_install('Fumi test blog', 'author', 'author@example.com', true, '', 'correct horse battery staple');
$user_id = $result['user_id'];
global $wp_rewrite;
$wp_rewrite->set_permalink_structure($argv[2] === 'plain' ? '' : '/%year%/%monthnum%/%postname%/');
$wp_rewrite->flush_rules(true);
list($password) = WP_Application_Passwords::create_new_application_password($user_id, array('name' => 'fumi'));
echo "user=author password=" . str_replace(' ', '', $password) . "\n";
