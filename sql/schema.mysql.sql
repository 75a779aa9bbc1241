-- MySQL schema as the migrations produce it. Regenerate: npm run schema:mysql -w backend

CREATE TABLE `analytics_customers` (
  `customer_id` int(11) NOT NULL,
  `first_order_id` int(11) NOT NULL,
  `first_paid_at` datetime NOT NULL,
  `city_id` int(11) NOT NULL,
  `category_code` varchar(32) NOT NULL,
  `hospital_id` int(11) NOT NULL,
  `paid_orders` int(11) NOT NULL,
  PRIMARY KEY (`customer_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `analytics_daily` (
  `day` varchar(10) NOT NULL,
  `city_id` int(11) NOT NULL,
  `category_code` varchar(32) NOT NULL,
  `hospital_id` int(11) NOT NULL,
  `created_count` bigint(20) NOT NULL DEFAULT 0,
  `cohort_paid` bigint(20) NOT NULL DEFAULT 0,
  `cohort_completed` bigint(20) NOT NULL DEFAULT 0,
  `cohort_cancelled` bigint(20) NOT NULL DEFAULT 0,
  `age_u18` bigint(20) NOT NULL DEFAULT 0,
  `age_18_39` bigint(20) NOT NULL DEFAULT 0,
  `age_40_59` bigint(20) NOT NULL DEFAULT 0,
  `age_60_79` bigint(20) NOT NULL DEFAULT 0,
  `age_80p` bigint(20) NOT NULL DEFAULT 0,
  `age_unknown` bigint(20) NOT NULL DEFAULT 0,
  `paid_count` bigint(20) NOT NULL DEFAULT 0,
  `lat00` bigint(20) NOT NULL DEFAULT 0,
  `lat01` bigint(20) NOT NULL DEFAULT 0,
  `lat02` bigint(20) NOT NULL DEFAULT 0,
  `lat03` bigint(20) NOT NULL DEFAULT 0,
  `lat04` bigint(20) NOT NULL DEFAULT 0,
  `lat05` bigint(20) NOT NULL DEFAULT 0,
  `lat06` bigint(20) NOT NULL DEFAULT 0,
  `lat07` bigint(20) NOT NULL DEFAULT 0,
  `lat08` bigint(20) NOT NULL DEFAULT 0,
  `lat09` bigint(20) NOT NULL DEFAULT 0,
  `lat10` bigint(20) NOT NULL DEFAULT 0,
  `lat11` bigint(20) NOT NULL DEFAULT 0,
  `lat12` bigint(20) NOT NULL DEFAULT 0,
  `lat13` bigint(20) NOT NULL DEFAULT 0,
  `lat14` bigint(20) NOT NULL DEFAULT 0,
  `lat15` bigint(20) NOT NULL DEFAULT 0,
  `lat16` bigint(20) NOT NULL DEFAULT 0,
  `completed_count` bigint(20) NOT NULL DEFAULT 0,
  `cancelled_count` bigint(20) NOT NULL DEFAULT 0,
  `start_count` bigint(20) NOT NULL DEFAULT 0,
  `unassigned_at_start` bigint(20) NOT NULL DEFAULT 0,
  `booked_minutes` bigint(20) NOT NULL DEFAULT 0,
  `h00` bigint(20) NOT NULL DEFAULT 0,
  `h01` bigint(20) NOT NULL DEFAULT 0,
  `h02` bigint(20) NOT NULL DEFAULT 0,
  `h03` bigint(20) NOT NULL DEFAULT 0,
  `h04` bigint(20) NOT NULL DEFAULT 0,
  `h05` bigint(20) NOT NULL DEFAULT 0,
  `h06` bigint(20) NOT NULL DEFAULT 0,
  `h07` bigint(20) NOT NULL DEFAULT 0,
  `h08` bigint(20) NOT NULL DEFAULT 0,
  `h09` bigint(20) NOT NULL DEFAULT 0,
  `h10` bigint(20) NOT NULL DEFAULT 0,
  `h11` bigint(20) NOT NULL DEFAULT 0,
  `h12` bigint(20) NOT NULL DEFAULT 0,
  `h13` bigint(20) NOT NULL DEFAULT 0,
  `h14` bigint(20) NOT NULL DEFAULT 0,
  `h15` bigint(20) NOT NULL DEFAULT 0,
  `h16` bigint(20) NOT NULL DEFAULT 0,
  `h17` bigint(20) NOT NULL DEFAULT 0,
  `h18` bigint(20) NOT NULL DEFAULT 0,
  `h19` bigint(20) NOT NULL DEFAULT 0,
  `h20` bigint(20) NOT NULL DEFAULT 0,
  `h21` bigint(20) NOT NULL DEFAULT 0,
  `h22` bigint(20) NOT NULL DEFAULT 0,
  `h23` bigint(20) NOT NULL DEFAULT 0,
  `gmv_fen` bigint(20) NOT NULL DEFAULT 0,
  `refund_fen` bigint(20) NOT NULL DEFAULT 0,
  `platform_revenue_fen` bigint(20) NOT NULL DEFAULT 0,
  `escort_payable_fen` bigint(20) NOT NULL DEFAULT 0,
  `new_customers` bigint(20) NOT NULL DEFAULT 0,
  `repeat_customers` bigint(20) NOT NULL DEFAULT 0,
  `review_count` bigint(20) NOT NULL DEFAULT 0,
  `rating1_count` bigint(20) NOT NULL DEFAULT 0,
  `rating2_count` bigint(20) NOT NULL DEFAULT 0,
  `rating3_count` bigint(20) NOT NULL DEFAULT 0,
  `rating4_count` bigint(20) NOT NULL DEFAULT 0,
  `rating5_count` bigint(20) NOT NULL DEFAULT 0,
  `complaint_count` bigint(20) NOT NULL DEFAULT 0,
  PRIMARY KEY (`day`,`city_id`,`category_code`,`hospital_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `analytics_daily_city` (
  `day` varchar(10) NOT NULL,
  `city_id` int(11) NOT NULL,
  `category_code` varchar(32) NOT NULL,
  `created_count` bigint(20) NOT NULL DEFAULT 0,
  `cohort_paid` bigint(20) NOT NULL DEFAULT 0,
  `cohort_completed` bigint(20) NOT NULL DEFAULT 0,
  `cohort_cancelled` bigint(20) NOT NULL DEFAULT 0,
  `age_u18` bigint(20) NOT NULL DEFAULT 0,
  `age_18_39` bigint(20) NOT NULL DEFAULT 0,
  `age_40_59` bigint(20) NOT NULL DEFAULT 0,
  `age_60_79` bigint(20) NOT NULL DEFAULT 0,
  `age_80p` bigint(20) NOT NULL DEFAULT 0,
  `age_unknown` bigint(20) NOT NULL DEFAULT 0,
  `paid_count` bigint(20) NOT NULL DEFAULT 0,
  `lat00` bigint(20) NOT NULL DEFAULT 0,
  `lat01` bigint(20) NOT NULL DEFAULT 0,
  `lat02` bigint(20) NOT NULL DEFAULT 0,
  `lat03` bigint(20) NOT NULL DEFAULT 0,
  `lat04` bigint(20) NOT NULL DEFAULT 0,
  `lat05` bigint(20) NOT NULL DEFAULT 0,
  `lat06` bigint(20) NOT NULL DEFAULT 0,
  `lat07` bigint(20) NOT NULL DEFAULT 0,
  `lat08` bigint(20) NOT NULL DEFAULT 0,
  `lat09` bigint(20) NOT NULL DEFAULT 0,
  `lat10` bigint(20) NOT NULL DEFAULT 0,
  `lat11` bigint(20) NOT NULL DEFAULT 0,
  `lat12` bigint(20) NOT NULL DEFAULT 0,
  `lat13` bigint(20) NOT NULL DEFAULT 0,
  `lat14` bigint(20) NOT NULL DEFAULT 0,
  `lat15` bigint(20) NOT NULL DEFAULT 0,
  `lat16` bigint(20) NOT NULL DEFAULT 0,
  `completed_count` bigint(20) NOT NULL DEFAULT 0,
  `cancelled_count` bigint(20) NOT NULL DEFAULT 0,
  `start_count` bigint(20) NOT NULL DEFAULT 0,
  `unassigned_at_start` bigint(20) NOT NULL DEFAULT 0,
  `booked_minutes` bigint(20) NOT NULL DEFAULT 0,
  `h00` bigint(20) NOT NULL DEFAULT 0,
  `h01` bigint(20) NOT NULL DEFAULT 0,
  `h02` bigint(20) NOT NULL DEFAULT 0,
  `h03` bigint(20) NOT NULL DEFAULT 0,
  `h04` bigint(20) NOT NULL DEFAULT 0,
  `h05` bigint(20) NOT NULL DEFAULT 0,
  `h06` bigint(20) NOT NULL DEFAULT 0,
  `h07` bigint(20) NOT NULL DEFAULT 0,
  `h08` bigint(20) NOT NULL DEFAULT 0,
  `h09` bigint(20) NOT NULL DEFAULT 0,
  `h10` bigint(20) NOT NULL DEFAULT 0,
  `h11` bigint(20) NOT NULL DEFAULT 0,
  `h12` bigint(20) NOT NULL DEFAULT 0,
  `h13` bigint(20) NOT NULL DEFAULT 0,
  `h14` bigint(20) NOT NULL DEFAULT 0,
  `h15` bigint(20) NOT NULL DEFAULT 0,
  `h16` bigint(20) NOT NULL DEFAULT 0,
  `h17` bigint(20) NOT NULL DEFAULT 0,
  `h18` bigint(20) NOT NULL DEFAULT 0,
  `h19` bigint(20) NOT NULL DEFAULT 0,
  `h20` bigint(20) NOT NULL DEFAULT 0,
  `h21` bigint(20) NOT NULL DEFAULT 0,
  `h22` bigint(20) NOT NULL DEFAULT 0,
  `h23` bigint(20) NOT NULL DEFAULT 0,
  `gmv_fen` bigint(20) NOT NULL DEFAULT 0,
  `refund_fen` bigint(20) NOT NULL DEFAULT 0,
  `platform_revenue_fen` bigint(20) NOT NULL DEFAULT 0,
  `escort_payable_fen` bigint(20) NOT NULL DEFAULT 0,
  `new_customers` bigint(20) NOT NULL DEFAULT 0,
  `repeat_customers` bigint(20) NOT NULL DEFAULT 0,
  `review_count` bigint(20) NOT NULL DEFAULT 0,
  `rating1_count` bigint(20) NOT NULL DEFAULT 0,
  `rating2_count` bigint(20) NOT NULL DEFAULT 0,
  `rating3_count` bigint(20) NOT NULL DEFAULT 0,
  `rating4_count` bigint(20) NOT NULL DEFAULT 0,
  `rating5_count` bigint(20) NOT NULL DEFAULT 0,
  `complaint_count` bigint(20) NOT NULL DEFAULT 0,
  PRIMARY KEY (`day`,`city_id`,`category_code`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `analytics_outbox` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `payload` text NOT NULL,
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `analytics_quote_daily` (
  `day` varchar(10) NOT NULL,
  `city_id` int(11) NOT NULL,
  `category_code` varchar(32) NOT NULL,
  `hospital_id` int(11) NOT NULL,
  `quote_count` bigint(20) NOT NULL DEFAULT 0,
  PRIMARY KEY (`day`,`city_id`,`category_code`,`hospital_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `analytics_state` (
  `key` varchar(32) NOT NULL,
  `value` varchar(64) NOT NULL,
  PRIMARY KEY (`key`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

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

CREATE TABLE `ledger_entries` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `source_type` varchar(32) NOT NULL,
  `source_id` varchar(64) NOT NULL,
  `order_id` int(11) DEFAULT NULL,
  `memo` varchar(255) NOT NULL DEFAULT '',
  `created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_ledger_entries_source` (`source_type`,`source_id`),
  KEY `idx_ledger_entries_order` (`order_id`)
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
  KEY `idx_ledger_lines_account_order` (`account`,`order_id`)
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
  `first_assigned_at` datetime DEFAULT NULL,
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
