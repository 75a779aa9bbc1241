-- MySQL schema as the migrations produce it. Regenerate: npm run schema:mysql -w backend

CREATE TABLE `audit_logs` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `actor_type` varchar(16) NOT NULL,
  `actor_id` int(11) DEFAULT NULL,
  `actor_name` varchar(64) NOT NULL,
  `action` varchar(64) NOT NULL,
  `target_type` varchar(32) NOT NULL,
  `target_id` varchar(64) DEFAULT NULL,
  `before` text DEFAULT NULL,
  `after` text DEFAULT NULL,
  `ip` varchar(64) DEFAULT NULL,
  `request_id` varchar(64) DEFAULT NULL,
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  PRIMARY KEY (`id`),
  KEY `idx_audit_logs_actor` (`actor_id`),
  KEY `idx_audit_logs_action` (`action`),
  KEY `idx_audit_logs_created` (`created_at`),
  KEY `idx_audit_logs_target` (`target_type`,`target_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `auth_sessions` (
  `id` varchar(36) NOT NULL,
  `audience` varchar(16) NOT NULL,
  `subject_id` int(11) NOT NULL,
  `expires_at` datetime NOT NULL,
  `revoked_at` datetime DEFAULT NULL,
  `revoke_reason` varchar(32) DEFAULT NULL,
  `ip` varchar(64) DEFAULT NULL,
  `user_agent` varchar(255) DEFAULT NULL,
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  PRIMARY KEY (`id`),
  KEY `idx_auth_sessions_subject` (`audience`,`subject_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `cities` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `code` varchar(16) NOT NULL,
  `name` varchar(32) NOT NULL,
  `enabled` tinyint(4) NOT NULL DEFAULT 1,
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  PRIMARY KEY (`id`),
  UNIQUE KEY `IDX_23ef12c9f387e2cbac07e7d292` (`code`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `commission_rules` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `version_id` int(11) NOT NULL,
  `escort_level` varchar(16) NOT NULL,
  `category_code` varchar(32) NOT NULL,
  `share_bp` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_commission_rules_cell` (`version_id`,`escort_level`,`category_code`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `commission_rule_versions` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `effective_from` datetime NOT NULL,
  `note` varchar(255) NOT NULL DEFAULT '',
  `created_by_id` int(11) DEFAULT NULL,
  `created_by_name` varchar(64) NOT NULL DEFAULT '',
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_commission_rule_versions_effective` (`effective_from`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `credit_events` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `customer_id` int(11) NOT NULL,
  `kind` varchar(24) NOT NULL,
  `delta` int(11) NOT NULL,
  `score_after` int(11) NOT NULL,
  `reason` varchar(255) NOT NULL DEFAULT '',
  `order_id` int(11) DEFAULT NULL,
  `source_key` varchar(64) DEFAULT NULL,
  `actor_type` varchar(16) NOT NULL,
  `actor_id` int(11) DEFAULT NULL,
  `actor_name` varchar(64) NOT NULL,
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_credit_events_source_key` (`source_key`),
  KEY `idx_credit_events_customer` (`customer_id`,`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `customers` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `phone_enc` varchar(255) NOT NULL,
  `phone_hash` varchar(64) NOT NULL,
  `nickname` varchar(32) NOT NULL,
  `avatar_url` varchar(255) DEFAULT NULL,
  `wechat_openid` varchar(64) DEFAULT NULL,
  `status` varchar(16) NOT NULL DEFAULT 'active',
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  `updated_at` datetime(6) NOT NULL DEFAULT current_timestamp(6) ON UPDATE current_timestamp(6),
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_customers_phone_hash` (`phone_hash`),
  UNIQUE KEY `uq_customers_wechat_openid` (`wechat_openid`),
  KEY `idx_customers_created_at` (`created_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `customer_consents` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `customer_id` int(11) NOT NULL,
  `kind` varchar(16) NOT NULL,
  `version` varchar(16) NOT NULL,
  `granted` tinyint(4) NOT NULL,
  `ip` varchar(64) NOT NULL DEFAULT '',
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  PRIMARY KEY (`id`),
  KEY `idx_customer_consents_customer` (`customer_id`,`kind`,`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `customer_credits` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `customer_id` int(11) NOT NULL,
  `score` int(11) NOT NULL,
  `status` varchar(16) NOT NULL DEFAULT 'normal',
  `warning_count` int(11) NOT NULL DEFAULT 0,
  `status_reason` varchar(255) NOT NULL DEFAULT '',
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  `updated_at` datetime(6) NOT NULL DEFAULT current_timestamp(6) ON UPDATE current_timestamp(6),
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_customer_credits_customer` (`customer_id`),
  KEY `idx_customer_credits_score` (`score`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `escorts` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `city_id` int(11) NOT NULL,
  `name` varchar(32) NOT NULL,
  `gender` varchar(8) NOT NULL,
  `phone_enc` varchar(255) NOT NULL,
  `phone_hash` varchar(64) NOT NULL,
  `level` varchar(16) NOT NULL DEFAULT 'junior',
  `status` varchar(16) NOT NULL DEFAULT 'applicant',
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  `updated_at` datetime(6) NOT NULL DEFAULT current_timestamp(6) ON UPDATE current_timestamp(6),
  `birth_year` int(11) DEFAULT NULL,
  `photo_file_id` int(11) DEFAULT NULL,
  `education` varchar(16) NOT NULL DEFAULT '',
  `experience_years` int(11) NOT NULL DEFAULT 0,
  `service_districts` varchar(500) NOT NULL DEFAULT '[]',
  `skills` varchar(500) NOT NULL DEFAULT '[]',
  `bio` varchar(500) NOT NULL DEFAULT '',
  `base_address` varchar(255) NOT NULL DEFAULT '',
  `base_latitude_e6` int(11) DEFAULT NULL,
  `base_longitude_e6` int(11) DEFAULT NULL,
  `id_card_enc` varchar(255) DEFAULT NULL,
  `id_card_hash` varchar(64) DEFAULT NULL,
  `orders_served` int(11) NOT NULL DEFAULT 0,
  `rating_total` int(11) NOT NULL DEFAULT 0,
  `rating_count` int(11) NOT NULL DEFAULT 0,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_escorts_phone_hash` (`phone_hash`),
  UNIQUE KEY `uq_escorts_id_card_hash` (`id_card_hash`),
  KEY `idx_escorts_city` (`city_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `escort_applications` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `escort_id` int(11) NOT NULL,
  `pending_escort_id` int(11) DEFAULT NULL,
  `status` varchar(16) NOT NULL,
  `real_name` varchar(32) NOT NULL,
  `gender` varchar(8) NOT NULL,
  `birth_year` int(11) NOT NULL,
  `id_card_enc` varchar(255) NOT NULL,
  `id_card_hash` varchar(64) NOT NULL,
  `id_front_file_id` int(11) NOT NULL,
  `id_back_file_id` int(11) NOT NULL,
  `photo_file_id` int(11) DEFAULT NULL,
  `education` varchar(16) NOT NULL DEFAULT '',
  `experience_years` int(11) NOT NULL DEFAULT 0,
  `service_districts` varchar(500) NOT NULL DEFAULT '[]',
  `skills` varchar(500) NOT NULL DEFAULT '[]',
  `bio` varchar(500) NOT NULL DEFAULT '',
  `decided_at` datetime DEFAULT NULL,
  `decided_by_id` int(11) DEFAULT NULL,
  `decided_by_name` varchar(64) NOT NULL DEFAULT '',
  `decision_reason` varchar(255) NOT NULL DEFAULT '',
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  `updated_at` datetime(6) NOT NULL DEFAULT current_timestamp(6) ON UPDATE current_timestamp(6),
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_escort_applications_pending` (`pending_escort_id`),
  KEY `idx_escort_applications_escort` (`escort_id`),
  KEY `idx_escort_applications_status` (`status`,`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `escort_credentials` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `escort_id` int(11) NOT NULL,
  `type_code` varchar(32) NOT NULL,
  `certificate_no` varchar(64) NOT NULL,
  `issued_on` varchar(10) NOT NULL,
  `expires_on` varchar(10) DEFAULT NULL,
  `file_id` int(11) NOT NULL,
  `status` varchar(16) NOT NULL,
  `reviewed_at` datetime DEFAULT NULL,
  `reviewed_by_id` int(11) DEFAULT NULL,
  `reviewed_by_name` varchar(64) NOT NULL DEFAULT '',
  `reject_reason` varchar(255) NOT NULL DEFAULT '',
  `expiry_warned_at` datetime DEFAULT NULL,
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  `updated_at` datetime(6) NOT NULL DEFAULT current_timestamp(6) ON UPDATE current_timestamp(6),
  PRIMARY KEY (`id`),
  KEY `idx_escort_credentials_status` (`status`),
  KEY `idx_escort_credentials_escort` (`escort_id`,`type_code`),
  KEY `idx_escort_credentials_expiry` (`status`,`expires_on`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `escort_deductions` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `escort_id` int(11) NOT NULL,
  `kind` varchar(16) NOT NULL,
  `amount_fen` bigint(20) NOT NULL,
  `order_id` int(11) DEFAULT NULL,
  `reason` varchar(255) NOT NULL,
  `created_by_id` int(11) DEFAULT NULL,
  `created_by_name` varchar(64) NOT NULL DEFAULT '',
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  `updated_at` datetime(6) NOT NULL DEFAULT current_timestamp(6) ON UPDATE current_timestamp(6),
  PRIMARY KEY (`id`),
  KEY `idx_escort_deductions_escort` (`escort_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `escort_files` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `escort_id` int(11) NOT NULL,
  `purpose` varchar(16) NOT NULL,
  `stored_name` varchar(64) NOT NULL,
  `original_name` varchar(100) NOT NULL DEFAULT '',
  `mime` varchar(32) NOT NULL,
  `size_bytes` int(11) NOT NULL,
  `sha256` varchar(64) NOT NULL,
  `uploaded_by_type` varchar(16) NOT NULL,
  `uploaded_by_id` int(11) NOT NULL,
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_escort_files_stored_name` (`stored_name`),
  KEY `idx_escort_files_escort` (`escort_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `escort_leaves` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `escort_id` int(11) NOT NULL,
  `city_id` int(11) NOT NULL,
  `type` varchar(16) NOT NULL,
  `start_at` datetime NOT NULL,
  `end_at` datetime NOT NULL,
  `reason` varchar(255) NOT NULL DEFAULT '',
  `status` varchar(16) NOT NULL,
  `source` varchar(16) NOT NULL,
  `created_by_name` varchar(64) NOT NULL DEFAULT '',
  `decided_at` datetime DEFAULT NULL,
  `decided_by_id` int(11) DEFAULT NULL,
  `decided_by_name` varchar(64) NOT NULL DEFAULT '',
  `decision_reason` varchar(255) NOT NULL DEFAULT '',
  `returned_orders` int(11) NOT NULL DEFAULT 0,
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  `updated_at` datetime(6) NOT NULL DEFAULT current_timestamp(6) ON UPDATE current_timestamp(6),
  PRIMARY KEY (`id`),
  KEY `idx_escort_leaves_status` (`status`,`start_at`),
  KEY `idx_escort_leaves_escort` (`escort_id`,`start_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `escort_penalties` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `escort_id` int(11) NOT NULL,
  `ticket_id` int(11) NOT NULL,
  `order_id` int(11) DEFAULT NULL,
  `amount_fen` bigint(20) NOT NULL,
  `reason` varchar(255) NOT NULL,
  `status` varchar(16) NOT NULL DEFAULT 'pending',
  `settlement_ref` varchar(64) DEFAULT NULL,
  `created_by_id` int(11) DEFAULT NULL,
  `created_by_name` varchar(64) NOT NULL,
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  `updated_at` datetime(6) NOT NULL DEFAULT current_timestamp(6) ON UPDATE current_timestamp(6),
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_escort_penalties_ticket` (`ticket_id`),
  KEY `idx_escort_penalties_escort_status` (`escort_id`,`status`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `escort_review_decisions` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `escort_id` int(11) NOT NULL,
  `subject_type` varchar(16) NOT NULL,
  `subject_id` int(11) NOT NULL,
  `decision` varchar(16) NOT NULL,
  `reason` varchar(255) NOT NULL DEFAULT '',
  `actor_type` varchar(16) NOT NULL,
  `actor_id` int(11) DEFAULT NULL,
  `actor_name` varchar(64) NOT NULL,
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  PRIMARY KEY (`id`),
  KEY `idx_escort_review_decisions_escort` (`escort_id`),
  KEY `idx_escort_review_decisions_subject` (`subject_type`,`subject_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `escort_shift_exceptions` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `escort_id` int(11) NOT NULL,
  `date` varchar(10) NOT NULL,
  `kind` varchar(8) NOT NULL,
  `start_minute` int(11) DEFAULT NULL,
  `end_minute` int(11) DEFAULT NULL,
  `note` varchar(255) NOT NULL DEFAULT '',
  `created_by_name` varchar(64) NOT NULL DEFAULT '',
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  PRIMARY KEY (`id`),
  KEY `idx_escort_shift_exceptions_escort` (`escort_id`),
  KEY `idx_escort_shift_exceptions_day` (`date`,`escort_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `escort_time_claims` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `escort_id` int(11) NOT NULL,
  `cell_start` datetime NOT NULL,
  `order_id` int(11) DEFAULT NULL,
  `reschedule_id` int(11) DEFAULT NULL,
  `leave_id` int(11) DEFAULT NULL,
  `exception_id` int(11) DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_escort_time_claims_cell` (`escort_id`,`cell_start`),
  KEY `idx_escort_time_claims_order` (`order_id`),
  KEY `idx_escort_time_claims_cell_start` (`cell_start`),
  KEY `idx_escort_time_claims_leave` (`leave_id`),
  KEY `idx_escort_time_claims_exception` (`exception_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `escort_weekly_shifts` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `escort_id` int(11) NOT NULL,
  `weekday` int(11) NOT NULL,
  `start_minute` int(11) NOT NULL,
  `end_minute` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `idx_escort_weekly_shifts_escort` (`escort_id`),
  KEY `idx_escort_weekly_shifts_day` (`weekday`,`escort_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `export_jobs` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `kind` varchar(32) NOT NULL,
  `format` varchar(8) NOT NULL,
  `params` varchar(500) NOT NULL DEFAULT '{}',
  `status` varchar(12) NOT NULL,
  `total_rows` int(11) NOT NULL DEFAULT 0,
  `rows_written` int(11) NOT NULL DEFAULT 0,
  `size_bytes` bigint(20) NOT NULL DEFAULT 0,
  `file_name` varchar(128) NOT NULL DEFAULT '',
  `stored_name` varchar(255) NOT NULL DEFAULT '',
  `error` varchar(255) NOT NULL DEFAULT '',
  `created_by_id` int(11) DEFAULT NULL,
  `created_by_name` varchar(64) NOT NULL DEFAULT '',
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  `finished_at` datetime DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `idx_export_jobs_creator` (`created_by_id`,`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `hospitals` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `city_id` int(11) NOT NULL,
  `name` varchar(64) NOT NULL,
  `grade` varchar(16) NOT NULL,
  `address` varchar(255) NOT NULL,
  `phone` varchar(32) NOT NULL,
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  `updated_at` datetime(6) NOT NULL DEFAULT current_timestamp(6) ON UPDATE current_timestamp(6),
  `alias` varchar(128) NOT NULL DEFAULT '',
  `latitude_e6` int(11) DEFAULT NULL,
  `longitude_e6` int(11) DEFAULT NULL,
  `outpatient_hours` varchar(500) NOT NULL DEFAULT '',
  `visiting_hours` varchar(500) NOT NULL DEFAULT '',
  `intro` text DEFAULT NULL,
  `enabled` tinyint(4) NOT NULL DEFAULT 1,
  PRIMARY KEY (`id`),
  KEY `idx_hospitals_city` (`city_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `hospital_departments` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `hospital_id` int(11) NOT NULL,
  `name` varchar(64) NOT NULL,
  `building` varchar(64) NOT NULL DEFAULT '',
  `floor` varchar(16) NOT NULL DEFAULT '',
  `room` varchar(32) NOT NULL DEFAULT '',
  `phone` varchar(32) NOT NULL DEFAULT '',
  `notes` varchar(500) NOT NULL DEFAULT '',
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  `updated_at` datetime(6) NOT NULL DEFAULT current_timestamp(6) ON UPDATE current_timestamp(6),
  PRIMARY KEY (`id`),
  KEY `idx_hospital_departments_hospital` (`hospital_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `hospital_meeting_points` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `hospital_id` int(11) NOT NULL,
  `name` varchar(64) NOT NULL,
  `description` varchar(500) NOT NULL DEFAULT '',
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  `updated_at` datetime(6) NOT NULL DEFAULT current_timestamp(6) ON UPDATE current_timestamp(6),
  PRIMARY KEY (`id`),
  KEY `idx_hospital_meeting_points_hospital` (`hospital_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `hospital_notices` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `hospital_id` int(11) NOT NULL,
  `department_id` int(11) DEFAULT NULL,
  `title` varchar(64) NOT NULL,
  `content` varchar(1000) NOT NULL,
  `level` varchar(16) NOT NULL DEFAULT 'info',
  `starts_at` datetime NOT NULL,
  `ends_at` datetime NOT NULL,
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  `updated_at` datetime(6) NOT NULL DEFAULT current_timestamp(6) ON UPDATE current_timestamp(6),
  PRIMARY KEY (`id`),
  KEY `idx_hospital_notices_ends` (`ends_at`),
  KEY `idx_hospital_notices_window` (`hospital_id`,`ends_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `hospital_step_templates` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `hospital_id` int(11) NOT NULL,
  `category_code` varchar(32) NOT NULL,
  `steps` text NOT NULL,
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  `updated_at` datetime(6) NOT NULL DEFAULT current_timestamp(6) ON UPDATE current_timestamp(6),
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_hospital_step_templates_category` (`hospital_id`,`category_code`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `idempotency_keys` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `scope` varchar(64) NOT NULL,
  `key` varchar(64) NOT NULL,
  `request_hash` varchar(64) NOT NULL,
  `state` varchar(16) NOT NULL,
  `response` text DEFAULT NULL,
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_idempotency_keys_scope_key` (`scope`,`key`),
  KEY `idx_idempotency_keys_created` (`created_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `kb_articles` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `category_id` int(11) DEFAULT NULL,
  `audience` varchar(16) NOT NULL,
  `status` varchar(16) NOT NULL DEFAULT 'draft',
  `title` varchar(100) NOT NULL,
  `summary` varchar(255) NOT NULL DEFAULT '',
  `body` text NOT NULL,
  `tags` varchar(500) NOT NULL DEFAULT '[]',
  `is_faq` tinyint(4) NOT NULL DEFAULT 0,
  `sort_order` int(11) NOT NULL DEFAULT 0,
  `version` int(11) NOT NULL DEFAULT 1,
  `view_count` int(11) NOT NULL DEFAULT 0,
  `helpful_count` int(11) NOT NULL DEFAULT 0,
  `not_helpful_count` int(11) NOT NULL DEFAULT 0,
  `source_ticket_id` int(11) DEFAULT NULL,
  `published_at` datetime DEFAULT NULL,
  `updated_by` varchar(64) NOT NULL DEFAULT '',
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  `updated_at` datetime(6) NOT NULL DEFAULT current_timestamp(6) ON UPDATE current_timestamp(6),
  PRIMARY KEY (`id`),
  KEY `idx_kb_articles_audience_status` (`audience`,`status`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `kb_article_versions` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `article_id` int(11) NOT NULL,
  `version` int(11) NOT NULL,
  `title` varchar(100) NOT NULL,
  `body` text NOT NULL,
  `tags` varchar(500) NOT NULL DEFAULT '[]',
  `status` varchar(16) NOT NULL,
  `saved_by` varchar(64) NOT NULL,
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_kb_article_versions` (`article_id`,`version`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `kb_categories` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `name` varchar(32) NOT NULL,
  `audience` varchar(16) NOT NULL,
  `sort_order` int(11) NOT NULL DEFAULT 0,
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `kb_votes` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `article_id` int(11) NOT NULL,
  `customer_id` int(11) NOT NULL,
  `helpful` tinyint(4) NOT NULL,
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  `updated_at` datetime(6) NOT NULL DEFAULT current_timestamp(6) ON UPDATE current_timestamp(6),
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_kb_votes_voter` (`article_id`,`customer_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `ledger_entries` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `source_type` varchar(32) NOT NULL,
  `source_id` varchar(64) NOT NULL,
  `order_id` int(11) DEFAULT NULL,
  `memo` varchar(255) NOT NULL DEFAULT '',
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  `base_fen` bigint(20) DEFAULT NULL,
  `share_bp` int(11) DEFAULT NULL,
  `commission_version_id` int(11) DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_ledger_entries_source` (`source_type`,`source_id`),
  KEY `idx_ledger_entries_order` (`order_id`),
  KEY `idx_ledger_entries_created` (`created_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `ledger_lines` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `entry_id` int(11) NOT NULL,
  `account` varchar(32) NOT NULL,
  `amount_fen` bigint(20) NOT NULL,
  `order_id` int(11) DEFAULT NULL,
  `escort_id` int(11) DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `idx_ledger_lines_entry` (`entry_id`),
  KEY `idx_ledger_lines_account_escort` (`account`,`escort_id`),
  KEY `idx_ledger_lines_account_order` (`account`,`order_id`),
  KEY `idx_ledger_lines_account_entry` (`account`,`entry_id`,`escort_id`,`amount_fen`,`order_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `login_attempts` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `kind` varchar(16) NOT NULL,
  `audience` varchar(16) NOT NULL,
  `principal` varchar(64) NOT NULL,
  `success` tinyint(4) NOT NULL,
  `reason` varchar(32) DEFAULT NULL,
  `ip` varchar(64) DEFAULT NULL,
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  PRIMARY KEY (`id`),
  KEY `idx_login_attempts_created` (`created_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `migrations` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `timestamp` bigint(20) NOT NULL,
  `name` varchar(255) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `notifications` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `recipient_type` varchar(16) NOT NULL,
  `recipient_id` int(11) NOT NULL,
  `event` varchar(32) NOT NULL,
  `title` varchar(64) NOT NULL,
  `body` varchar(500) NOT NULL,
  `order_id` int(11) DEFAULT NULL,
  `read_at` datetime DEFAULT NULL,
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  PRIMARY KEY (`id`),
  KEY `idx_notifications_inbox` (`recipient_type`,`recipient_id`,`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `notification_deliveries` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `notification_id` int(11) NOT NULL,
  `channel` varchar(16) NOT NULL,
  `status` varchar(16) NOT NULL,
  `attempts` int(11) NOT NULL DEFAULT 0,
  `detail` varchar(255) NOT NULL DEFAULT '',
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  `delivered_at` datetime DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `idx_notification_deliveries_notification` (`notification_id`),
  KEY `idx_notification_deliveries_status` (`status`,`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `orders` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `order_no` varchar(24) NOT NULL,
  `customer_id` int(11) NOT NULL,
  `city_id` int(11) NOT NULL,
  `service_item_id` int(11) NOT NULL,
  `service_name` varchar(64) NOT NULL,
  `category_code` varchar(32) NOT NULL,
  `hospital_id` int(11) DEFAULT NULL,
  `hospital_name` varchar(64) NOT NULL DEFAULT '',
  `department_id` int(11) DEFAULT NULL,
  `department_name` varchar(64) NOT NULL DEFAULT '',
  `patient_id` int(11) DEFAULT NULL,
  `patient_name` varchar(32) NOT NULL DEFAULT '',
  `escort_id` int(11) DEFAULT NULL,
  `preferred_escort_id` int(11) DEFAULT NULL,
  `start_at` datetime NOT NULL,
  `end_at` datetime NOT NULL,
  `duration_minutes` int(11) NOT NULL,
  `status` varchar(20) NOT NULL,
  `total_fen` bigint(20) NOT NULL,
  `paid_fen` bigint(20) NOT NULL DEFAULT 0,
  `penalty_fen` bigint(20) NOT NULL DEFAULT 0,
  `refund_due_fen` bigint(20) NOT NULL DEFAULT 0,
  `units` int(11) NOT NULL DEFAULT 1,
  `price_lines` text NOT NULL,
  `service_address` varchar(255) NOT NULL DEFAULT '',
  `errand` text DEFAULT NULL,
  `customer_note` varchar(500) NOT NULL DEFAULT '',
  `payment_deadline_at` datetime NOT NULL,
  `verification_code_enc` varchar(255) DEFAULT NULL,
  `verification_failures` int(11) NOT NULL DEFAULT 0,
  `paid_at` datetime DEFAULT NULL,
  `assigned_at` datetime DEFAULT NULL,
  `started_at` datetime DEFAULT NULL,
  `completed_at` datetime DEFAULT NULL,
  `cancelled_at` datetime DEFAULT NULL,
  `cancel_reason` varchar(255) NOT NULL DEFAULT '',
  `reminded_at` datetime DEFAULT NULL,
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  `updated_at` datetime(6) NOT NULL DEFAULT current_timestamp(6) ON UPDATE current_timestamp(6),
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_orders_order_no` (`order_no`),
  KEY `idx_orders_customer` (`customer_id`),
  KEY `idx_orders_escort_start` (`escort_id`),
  KEY `idx_orders_city_start` (`city_id`,`start_at`),
  KEY `idx_orders_status_start` (`status`,`start_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `order_extra_charges` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `order_id` int(11) NOT NULL,
  `description` varchar(128) NOT NULL,
  `amount_fen` bigint(20) NOT NULL,
  `receipt_url` varchar(255) NOT NULL DEFAULT '',
  `status` varchar(16) NOT NULL,
  `escort_id` int(11) NOT NULL,
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  PRIMARY KEY (`id`),
  KEY `idx_order_extra_charges_order` (`order_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `order_notes` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `order_id` int(11) NOT NULL,
  `author_id` int(11) NOT NULL,
  `author_name` varchar(64) NOT NULL,
  `content` varchar(1000) NOT NULL,
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  PRIMARY KEY (`id`),
  KEY `idx_order_notes_order` (`order_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `order_reschedules` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `order_id` int(11) NOT NULL,
  `from_start_at` datetime NOT NULL,
  `to_start_at` datetime NOT NULL,
  `to_end_at` datetime NOT NULL,
  `status` varchar(16) NOT NULL,
  `requested_by_type` varchar(16) NOT NULL,
  `requested_by_id` int(11) DEFAULT NULL,
  `reason` varchar(255) NOT NULL DEFAULT '',
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  `updated_at` datetime(6) NOT NULL DEFAULT current_timestamp(6) ON UPDATE current_timestamp(6),
  PRIMARY KEY (`id`),
  KEY `idx_order_reschedules_order` (`order_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `order_status_logs` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `order_id` int(11) NOT NULL,
  `action` varchar(24) NOT NULL,
  `from_status` varchar(20) DEFAULT NULL,
  `to_status` varchar(20) NOT NULL,
  `actor_type` varchar(16) NOT NULL,
  `actor_id` int(11) DEFAULT NULL,
  `actor_name` varchar(64) NOT NULL,
  `reason` varchar(255) NOT NULL DEFAULT '',
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  PRIMARY KEY (`id`),
  KEY `idx_order_status_logs_order` (`order_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `patients` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `customer_id` int(11) NOT NULL,
  `slot` int(11) DEFAULT NULL,
  `name` varchar(32) NOT NULL,
  `relation` varchar(16) NOT NULL,
  `gender` varchar(8) NOT NULL,
  `birth_date` varchar(10) DEFAULT NULL,
  `phone_enc` varchar(255) NOT NULL,
  `id_card_enc` varchar(255) DEFAULT NULL,
  `id_card_hash` varchar(64) DEFAULT NULL,
  `allergies_enc` text DEFAULT NULL,
  `chronic_conditions_enc` text DEFAULT NULL,
  `medications_enc` text DEFAULT NULL,
  `emergency_contact_name_enc` varchar(255) DEFAULT NULL,
  `emergency_contact_phone_enc` varchar(255) DEFAULT NULL,
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  `updated_at` datetime(6) NOT NULL DEFAULT current_timestamp(6) ON UPDATE current_timestamp(6),
  `deleted_at` datetime(6) DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_patients_customer_id_card` (`customer_id`,`id_card_hash`),
  UNIQUE KEY `uq_patients_customer_slot` (`customer_id`,`slot`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `payments` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `order_id` int(11) NOT NULL,
  `out_trade_no` varchar(32) NOT NULL,
  `channel` varchar(16) NOT NULL,
  `amount_fen` bigint(20) NOT NULL,
  `status` varchar(16) NOT NULL,
  `open_order_id` int(11) DEFAULT NULL,
  `channel_transaction_id` varchar(64) DEFAULT NULL,
  `prepay_id` varchar(64) DEFAULT NULL,
  `payer_openid` varchar(128) DEFAULT NULL,
  `applied_to_order` tinyint(4) NOT NULL DEFAULT 0,
  `expires_at` datetime NOT NULL,
  `paid_at` datetime DEFAULT NULL,
  `closed_at` datetime DEFAULT NULL,
  `status_reason` varchar(255) NOT NULL DEFAULT '',
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  `updated_at` datetime(6) NOT NULL DEFAULT current_timestamp(6) ON UPDATE current_timestamp(6),
  `purpose` varchar(16) NOT NULL DEFAULT 'prepay',
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_payments_out_trade_no` (`out_trade_no`),
  UNIQUE KEY `uq_payments_open_order` (`open_order_id`),
  UNIQUE KEY `uq_payments_channel_transaction` (`channel_transaction_id`),
  KEY `idx_payments_order` (`order_id`),
  KEY `idx_payments_status_created` (`status`,`created_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `payment_events` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `kind` varchar(16) NOT NULL,
  `raw_body` text NOT NULL,
  `raw_headers` text NOT NULL,
  `request_id` varchar(64) DEFAULT NULL,
  `ip` varchar(64) DEFAULT NULL,
  `verified` tinyint(4) NOT NULL DEFAULT 0,
  `result` varchar(16) NOT NULL,
  `applied` tinyint(4) NOT NULL DEFAULT 0,
  `reason` varchar(255) NOT NULL DEFAULT '',
  `notification_id` varchar(64) DEFAULT NULL,
  `event_type` varchar(32) DEFAULT NULL,
  `out_trade_no` varchar(32) DEFAULT NULL,
  `out_refund_no` varchar(64) DEFAULT NULL,
  `payment_id` int(11) DEFAULT NULL,
  `refund_id` int(11) DEFAULT NULL,
  `received_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  PRIMARY KEY (`id`),
  KEY `idx_payment_events_out_trade_no` (`out_trade_no`),
  KEY `idx_payment_events_received` (`received_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `price_rules` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `code` varchar(32) NOT NULL,
  `name` varchar(32) NOT NULL,
  `type` varchar(16) NOT NULL,
  `kind` varchar(16) NOT NULL,
  `amount_type` varchar(8) NOT NULL,
  `amount` int(11) NOT NULL,
  `params` varchar(1000) NOT NULL DEFAULT '{}',
  `category_codes` varchar(500) NOT NULL DEFAULT '[]',
  `city_id` int(11) DEFAULT NULL,
  `enabled` tinyint(4) NOT NULL DEFAULT 1,
  `sort_order` int(11) NOT NULL DEFAULT 0,
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  `updated_at` datetime(6) NOT NULL DEFAULT current_timestamp(6) ON UPDATE current_timestamp(6),
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_price_rules_code_city` (`code`,`city_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `reconciliation_items` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `run_id` int(11) NOT NULL,
  `bill_date` varchar(10) NOT NULL,
  `kind` varchar(16) NOT NULL,
  `out_no` varchar(64) NOT NULL,
  `result` varchar(20) NOT NULL,
  `our_fen` bigint(20) DEFAULT NULL,
  `their_fen` bigint(20) DEFAULT NULL,
  `our_status` varchar(20) DEFAULT NULL,
  `their_status` varchar(20) DEFAULT NULL,
  `transaction_id` varchar(64) DEFAULT NULL,
  `detail` varchar(255) NOT NULL DEFAULT '',
  `explained` tinyint(4) NOT NULL DEFAULT 0,
  `explanation` varchar(500) NOT NULL DEFAULT '',
  `explained_by_name` varchar(64) DEFAULT NULL,
  `explained_at` datetime DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `idx_reconciliation_items_date` (`bill_date`),
  KEY `idx_reconciliation_items_run` (`run_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `reconciliation_runs` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `bill_date` varchar(10) NOT NULL,
  `channel` varchar(16) NOT NULL,
  `source` varchar(16) NOT NULL,
  `bill_sha1` varchar(40) NOT NULL,
  `row_count` int(11) NOT NULL,
  `summary` text NOT NULL,
  `counts` text NOT NULL,
  `totals` text NOT NULL,
  `created_by_id` int(11) DEFAULT NULL,
  `created_by_name` varchar(64) NOT NULL,
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  PRIMARY KEY (`id`),
  KEY `idx_reconciliation_runs_date` (`bill_date`,`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `refresh_tokens` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `session_id` varchar(36) NOT NULL,
  `token_hash` varchar(64) NOT NULL,
  `expires_at` datetime NOT NULL,
  `rotated_at` datetime DEFAULT NULL,
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_refresh_tokens_hash` (`token_hash`),
  KEY `idx_refresh_tokens_session` (`session_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `refunds` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `payment_id` int(11) NOT NULL,
  `order_id` int(11) NOT NULL,
  `out_refund_no` varchar(64) NOT NULL,
  `amount_fen` bigint(20) NOT NULL,
  `reason` varchar(80) NOT NULL,
  `source` varchar(16) NOT NULL,
  `purpose_key` varchar(64) DEFAULT NULL,
  `channel_refund_id` varchar(64) DEFAULT NULL,
  `requested_by_type` varchar(16) NOT NULL,
  `requested_by_id` int(11) DEFAULT NULL,
  `requested_by_name` varchar(64) NOT NULL,
  `submit_attempts` int(11) NOT NULL DEFAULT 0,
  `last_error` varchar(255) NOT NULL DEFAULT '',
  `user_received_account` varchar(128) DEFAULT NULL,
  `succeeded_at` datetime DEFAULT NULL,
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  `updated_at` datetime(6) NOT NULL DEFAULT current_timestamp(6) ON UPDATE current_timestamp(6),
  `reviewed_by_id` int(11) DEFAULT NULL,
  `reviewed_by_name` varchar(64) DEFAULT NULL,
  `reviewed_at` datetime DEFAULT NULL,
  `review_note` varchar(255) NOT NULL DEFAULT '',
  `status` varchar(20) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_refunds_out_refund_no` (`out_refund_no`),
  UNIQUE KEY `uq_refunds_purpose_key` (`purpose_key`),
  UNIQUE KEY `uq_refunds_channel_refund` (`channel_refund_id`),
  KEY `idx_refunds_payment` (`payment_id`),
  KEY `idx_refunds_order` (`order_id`),
  KEY `idx_refunds_status_created` (`status`,`created_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `reviews` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `order_id` int(11) NOT NULL,
  `order_no` varchar(32) NOT NULL,
  `customer_id` int(11) NOT NULL,
  `escort_id` int(11) DEFAULT NULL,
  `hospital_id` int(11) DEFAULT NULL,
  `city_id` int(11) NOT NULL,
  `service_name` varchar(64) NOT NULL DEFAULT '',
  `overall` int(11) NOT NULL,
  `attitude` int(11) NOT NULL,
  `professionalism` int(11) NOT NULL,
  `communication` int(11) NOT NULL,
  `punctuality` int(11) NOT NULL,
  `hospital_cleanliness` int(11) DEFAULT NULL,
  `hospital_staff_attitude` int(11) DEFAULT NULL,
  `hospital_signage` int(11) DEFAULT NULL,
  `tags` varchar(500) NOT NULL DEFAULT '[]',
  `content` text NOT NULL,
  `photos` varchar(2000) NOT NULL DEFAULT '[]',
  `anonymous` tinyint(4) NOT NULL DEFAULT 0,
  `status` varchar(16) NOT NULL DEFAULT 'visible',
  `hidden_reason` varchar(24) DEFAULT NULL,
  `hidden_note` varchar(255) NOT NULL DEFAULT '',
  `hidden_by` varchar(64) NOT NULL DEFAULT '',
  `hidden_at` datetime DEFAULT NULL,
  `staff_reply` text DEFAULT NULL,
  `staff_reply_by` varchar(64) NOT NULL DEFAULT '',
  `staff_reply_at` datetime DEFAULT NULL,
  `escort_reply` text DEFAULT NULL,
  `escort_reply_at` datetime DEFAULT NULL,
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  `updated_at` datetime(6) NOT NULL DEFAULT current_timestamp(6) ON UPDATE current_timestamp(6),
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_reviews_order` (`order_id`),
  KEY `idx_reviews_customer` (`customer_id`),
  KEY `idx_reviews_status` (`status`),
  KEY `idx_reviews_hospital` (`hospital_id`,`created_at`),
  KEY `idx_reviews_escort` (`escort_id`,`created_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `review_appends` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `review_id` int(11) NOT NULL,
  `content` text NOT NULL,
  `photos` varchar(2000) NOT NULL DEFAULT '[]',
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  PRIMARY KEY (`id`),
  KEY `idx_review_appends_review` (`review_id`,`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `review_stats` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `subject_type` varchar(16) NOT NULL,
  `subject_id` int(11) NOT NULL,
  `review_count` int(11) NOT NULL DEFAULT 0,
  `good_count` int(11) NOT NULL DEFAULT 0,
  `bad_count` int(11) NOT NULL DEFAULT 0,
  `overall_sum` int(11) NOT NULL DEFAULT 0,
  `attitude_sum` int(11) NOT NULL DEFAULT 0,
  `professionalism_sum` int(11) NOT NULL DEFAULT 0,
  `communication_sum` int(11) NOT NULL DEFAULT 0,
  `punctuality_sum` int(11) NOT NULL DEFAULT 0,
  `cleanliness_sum` int(11) NOT NULL DEFAULT 0,
  `staff_attitude_sum` int(11) NOT NULL DEFAULT 0,
  `signage_sum` int(11) NOT NULL DEFAULT 0,
  `updated_at` datetime(6) NOT NULL DEFAULT current_timestamp(6) ON UPDATE current_timestamp(6),
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_review_stats_subject` (`subject_type`,`subject_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `schedule_change_requests` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `escort_id` int(11) NOT NULL,
  `city_id` int(11) NOT NULL,
  `kind` varchar(8) NOT NULL,
  `date` varchar(10) NOT NULL,
  `start_minute` int(11) DEFAULT NULL,
  `end_minute` int(11) DEFAULT NULL,
  `reason` varchar(255) NOT NULL DEFAULT '',
  `status` varchar(16) NOT NULL,
  `exception_id` int(11) DEFAULT NULL,
  `decided_at` datetime DEFAULT NULL,
  `decided_by_name` varchar(64) NOT NULL DEFAULT '',
  `decision_reason` varchar(255) NOT NULL DEFAULT '',
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  PRIMARY KEY (`id`),
  KEY `idx_schedule_change_requests_escort` (`escort_id`),
  KEY `idx_schedule_change_requests_status` (`status`,`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `service_city_prices` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `service_item_id` int(11) NOT NULL,
  `city_id` int(11) NOT NULL,
  `unit_price_fen` int(11) NOT NULL,
  `enabled` tinyint(4) NOT NULL DEFAULT 1,
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  `updated_at` datetime(6) NOT NULL DEFAULT current_timestamp(6) ON UPDATE current_timestamp(6),
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_service_city_prices_item_city` (`service_item_id`,`city_id`),
  KEY `idx_service_city_prices_city` (`city_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `service_items` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `code` varchar(32) NOT NULL,
  `category_code` varchar(32) NOT NULL,
  `name` varchar(64) NOT NULL,
  `description` text NOT NULL,
  `pricing_unit` varchar(16) NOT NULL,
  `base_price_fen` int(11) NOT NULL,
  `enabled` tinyint(4) NOT NULL DEFAULT 1,
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  `updated_at` datetime(6) NOT NULL DEFAULT current_timestamp(6) ON UPDATE current_timestamp(6),
  `includes` varchar(2000) NOT NULL DEFAULT '[]',
  `required_qualifications` varchar(500) NOT NULL DEFAULT '[]',
  `preparation` varchar(2000) NOT NULL DEFAULT '[]',
  `min_duration_minutes` int(11) NOT NULL DEFAULT 30,
  `max_duration_minutes` int(11) NOT NULL DEFAULT 1440,
  `default_duration_minutes` int(11) NOT NULL DEFAULT 60,
  `sort_order` int(11) NOT NULL DEFAULT 0,
  PRIMARY KEY (`id`),
  UNIQUE KEY `IDX_e36aaa5bf678486e94de99565b` (`code`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `settings` (
  `key` varchar(64) NOT NULL,
  `value` text NOT NULL,
  `updated_by` varchar(64) NOT NULL,
  `updated_at` datetime(6) NOT NULL DEFAULT current_timestamp(6) ON UPDATE current_timestamp(6),
  PRIMARY KEY (`key`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `settlement_items` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `run_id` int(11) NOT NULL,
  `escort_id` int(11) NOT NULL,
  `ledger_line_id` int(11) NOT NULL,
  `entry_id` int(11) NOT NULL,
  `source_type` varchar(32) NOT NULL,
  `source_id` varchar(64) NOT NULL,
  `order_id` int(11) DEFAULT NULL,
  `kind` varchar(12) NOT NULL,
  `amount_fen` bigint(20) NOT NULL,
  `gross_fen` bigint(20) NOT NULL DEFAULT 0,
  `share_bp` int(11) DEFAULT NULL,
  `booked_at` datetime NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_settlement_items_ledger_line` (`ledger_line_id`),
  KEY `idx_settlement_items_run_escort` (`run_id`,`escort_id`,`kind`,`amount_fen`,`gross_fen`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `settlement_lines` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `run_id` int(11) NOT NULL,
  `escort_id` int(11) NOT NULL,
  `escort_name` varchar(32) NOT NULL DEFAULT '',
  `order_count` int(11) NOT NULL DEFAULT 0,
  `item_count` int(11) NOT NULL DEFAULT 0,
  `gross_fen` bigint(20) NOT NULL DEFAULT 0,
  `share_fen` bigint(20) NOT NULL DEFAULT 0,
  `refund_fen` bigint(20) NOT NULL DEFAULT 0,
  `deduction_fen` bigint(20) NOT NULL DEFAULT 0,
  `adjustment_fen` bigint(20) NOT NULL DEFAULT 0,
  `carried_in_fen` bigint(20) NOT NULL DEFAULT 0,
  `net_fen` bigint(20) NOT NULL DEFAULT 0,
  `payable_fen` bigint(20) NOT NULL DEFAULT 0,
  `carried_forward_fen` bigint(20) NOT NULL DEFAULT 0,
  `paid_fen` bigint(20) NOT NULL DEFAULT 0,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_settlement_lines_run_escort` (`run_id`,`escort_id`),
  KEY `idx_settlement_lines_escort` (`escort_id`,`run_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `settlement_payouts` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `run_id` int(11) NOT NULL,
  `line_id` int(11) NOT NULL,
  `escort_id` int(11) NOT NULL,
  `period_key` varchar(16) NOT NULL,
  `amount_fen` bigint(20) NOT NULL,
  `reference_no` varchar(64) NOT NULL,
  `method` varchar(16) NOT NULL DEFAULT 'bank_transfer',
  `paid_at` datetime NOT NULL,
  `note` varchar(255) NOT NULL DEFAULT '',
  `recorded_by_id` int(11) DEFAULT NULL,
  `recorded_by_name` varchar(64) NOT NULL DEFAULT '',
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_settlement_payouts_line` (`line_id`),
  UNIQUE KEY `uq_settlement_payouts_reference` (`reference_no`),
  UNIQUE KEY `uq_settlement_payouts_escort_period` (`escort_id`,`period_key`),
  KEY `idx_settlement_payouts_run` (`run_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `settlement_runs` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `cadence` varchar(10) NOT NULL,
  `period_key` varchar(16) NOT NULL,
  `period_start` datetime NOT NULL,
  `period_end` datetime NOT NULL,
  `status` varchar(12) NOT NULL,
  `escort_count` int(11) NOT NULL DEFAULT 0,
  `order_count` int(11) NOT NULL DEFAULT 0,
  `gross_fen` bigint(20) NOT NULL DEFAULT 0,
  `share_fen` bigint(20) NOT NULL DEFAULT 0,
  `deductions_fen` bigint(20) NOT NULL DEFAULT 0,
  `adjustments_fen` bigint(20) NOT NULL DEFAULT 0,
  `net_fen` bigint(20) NOT NULL DEFAULT 0,
  `payable_fen` bigint(20) NOT NULL DEFAULT 0,
  `paid_fen` bigint(20) NOT NULL DEFAULT 0,
  `computed_count` int(11) NOT NULL DEFAULT 0,
  `computed_at` datetime DEFAULT NULL,
  `created_by_id` int(11) DEFAULT NULL,
  `created_by_name` varchar(64) NOT NULL DEFAULT '',
  `confirmed_at` datetime DEFAULT NULL,
  `confirmed_by_name` varchar(64) NOT NULL DEFAULT '',
  `paid_at` datetime DEFAULT NULL,
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  `updated_at` datetime(6) NOT NULL DEFAULT current_timestamp(6) ON UPDATE current_timestamp(6),
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_settlement_runs_period_key` (`period_key`),
  UNIQUE KEY `uq_settlement_runs_period_start` (`period_start`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `shift_templates` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `name` varchar(32) NOT NULL,
  `ranges` text NOT NULL,
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  `updated_at` datetime(6) NOT NULL DEFAULT current_timestamp(6) ON UPDATE current_timestamp(6),
  PRIMARY KEY (`id`),
  UNIQUE KEY `IDX_31c9b40c9467ddc79dae2fcfd6` (`name`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `sms_codes` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `phone_hash` varchar(64) NOT NULL,
  `purpose` varchar(16) NOT NULL,
  `code_hash` varchar(64) NOT NULL,
  `expires_at` datetime NOT NULL,
  `consumed_at` datetime DEFAULT NULL,
  `failed_attempts` int(11) NOT NULL DEFAULT 0,
  `ip` varchar(64) DEFAULT NULL,
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  PRIMARY KEY (`id`),
  KEY `idx_sms_codes_phone_created` (`phone_hash`,`created_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `sms_throttles` (
  `phone_hash` varchar(64) NOT NULL,
  `last_sent_at` datetime NOT NULL,
  PRIMARY KEY (`phone_hash`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `staff_users` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `username` varchar(32) NOT NULL,
  `display_name` varchar(32) NOT NULL,
  `password_hash` varchar(255) NOT NULL,
  `roles` text NOT NULL,
  `city_ids` text NOT NULL,
  `status` varchar(16) NOT NULL DEFAULT 'active',
  `failed_login_count` int(11) NOT NULL DEFAULT 0,
  `locked_until` datetime DEFAULT NULL,
  `last_login_at` datetime DEFAULT NULL,
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  `updated_at` datetime(6) NOT NULL DEFAULT current_timestamp(6) ON UPDATE current_timestamp(6),
  PRIMARY KEY (`id`),
  UNIQUE KEY `IDX_975b4ddfa7b30b64ac26cefbad` (`username`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `text_index` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `doc_type` varchar(32) NOT NULL,
  `doc_id` int(11) NOT NULL,
  `term` varchar(8) NOT NULL,
  `weight` int(11) NOT NULL DEFAULT 1,
  PRIMARY KEY (`id`),
  KEY `idx_text_index_doc` (`doc_type`,`doc_id`),
  KEY `idx_text_index_term` (`doc_type`,`term`,`doc_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `tickets` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `ticket_no` varchar(24) NOT NULL,
  `type` varchar(24) NOT NULL,
  `priority` varchar(16) NOT NULL,
  `status` varchar(16) NOT NULL,
  `title` varchar(100) NOT NULL,
  `content` text NOT NULL,
  `photos` varchar(2000) NOT NULL DEFAULT '[]',
  `opener_type` varchar(16) NOT NULL,
  `opener_id` int(11) DEFAULT NULL,
  `customer_id` int(11) DEFAULT NULL,
  `order_id` int(11) DEFAULT NULL,
  `order_no` varchar(32) NOT NULL DEFAULT '',
  `escort_id` int(11) DEFAULT NULL,
  `city_id` int(11) DEFAULT NULL,
  `review_id` int(11) DEFAULT NULL,
  `assignee_id` int(11) DEFAULT NULL,
  `assignee_name` varchar(64) NOT NULL DEFAULT '',
  `sla_due_at` datetime NOT NULL,
  `first_responded_at` datetime DEFAULT NULL,
  `resolved_at` datetime DEFAULT NULL,
  `closed_at` datetime DEFAULT NULL,
  `resolution` text DEFAULT NULL,
  `reopen_count` int(11) NOT NULL DEFAULT 0,
  `compensation_fen` int(11) NOT NULL DEFAULT 0,
  `compensation_refund_id` int(11) DEFAULT NULL,
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  `updated_at` datetime(6) NOT NULL DEFAULT current_timestamp(6) ON UPDATE current_timestamp(6),
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_tickets_ticket_no` (`ticket_no`),
  UNIQUE KEY `uq_tickets_review` (`review_id`),
  KEY `idx_tickets_customer` (`customer_id`),
  KEY `idx_tickets_order` (`order_id`),
  KEY `idx_tickets_escort` (`escort_id`),
  KEY `idx_tickets_status_sla` (`status`,`sla_due_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `ticket_messages` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `ticket_id` int(11) NOT NULL,
  `kind` varchar(8) NOT NULL,
  `author_type` varchar(16) NOT NULL,
  `author_id` int(11) DEFAULT NULL,
  `author_name` varchar(64) NOT NULL,
  `content` text NOT NULL,
  `photos` varchar(2000) NOT NULL DEFAULT '[]',
  `article_id` int(11) DEFAULT NULL,
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  PRIMARY KEY (`id`),
  KEY `idx_ticket_messages_ticket` (`ticket_id`,`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
