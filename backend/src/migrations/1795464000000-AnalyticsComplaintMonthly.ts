import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { fillComplaintMonthly } from '../modules/analytics/rollup-rebuild';

const isMysql = (q: QueryRunner) => q.connection.options.type === 'mysql' || q.connection.options.type === 'mariadb';

/**
 * Hand-written like AnalyticsHospitalRank, one block per dialect, matching the entities: the month ×
 * city × reason complaint table (filled from the day table) and the service-first indexes for the
 * service-filtered hospital ranking and per-day series.
 */
// Provided so TypeORM can build it through Midway's container when the app migrates on start.
@Provide()
@Scope(ScopeEnum.Singleton)
export class AnalyticsComplaintMonthly1795464000000 implements MigrationInterface {
  name = 'AnalyticsComplaintMonthly1795464000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (isMysql(queryRunner)) {
      await queryRunner.query(`CREATE TABLE \`analytics_complaint_monthly\` (\`month\` varchar(7) NOT NULL, \`city_id\` int NOT NULL, \`reason\` varchar(32) NOT NULL, \`complaint_count\` bigint NOT NULL DEFAULT '0', PRIMARY KEY (\`month\`, \`city_id\`, \`reason\`)) ENGINE=InnoDB`);
      await queryRunner.query(`CREATE INDEX \`idx_analytics_daily_cat_rank\` ON \`analytics_daily\` (\`category_code\`, \`city_id\`, \`day\`, \`hospital_id\`, \`start_count\`)`);
      await queryRunner.query(`CREATE INDEX \`idx_analytics_monthly_cat_rank\` ON \`analytics_monthly\` (\`category_code\`, \`city_id\`, \`month\`, \`hospital_id\`, \`start_count\`)`);
      await queryRunner.query(`CREATE INDEX \`idx_analytics_daily_city_cat\` ON \`analytics_daily_city\` (\`category_code\`, \`city_id\`, \`day\`)`);
    } else {
      await queryRunner.query(`CREATE TABLE "analytics_complaint_monthly" ("month" varchar(7) NOT NULL, "city_id" integer NOT NULL, "reason" varchar(32) NOT NULL, "complaint_count" bigint NOT NULL DEFAULT (0), PRIMARY KEY ("month", "city_id", "reason"))`);
      await queryRunner.query(`CREATE INDEX "idx_analytics_daily_cat_rank" ON "analytics_daily" ("category_code", "city_id", "day", "hospital_id", "start_count") `);
      await queryRunner.query(`CREATE INDEX "idx_analytics_monthly_cat_rank" ON "analytics_monthly" ("category_code", "city_id", "month", "hospital_id", "start_count") `);
      await queryRunner.query(`CREATE INDEX "idx_analytics_daily_city_cat" ON "analytics_daily_city" ("category_code", "city_id", "day") `);
    }
    // Existing rollups: fill it from analytics_complaint_daily (a rebuild does the same).
    await fillComplaintMonthly(queryRunner.manager);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (isMysql(queryRunner)) {
      await queryRunner.query(`DROP INDEX \`idx_analytics_daily_city_cat\` ON \`analytics_daily_city\``);
      await queryRunner.query(`DROP INDEX \`idx_analytics_monthly_cat_rank\` ON \`analytics_monthly\``);
      await queryRunner.query(`DROP INDEX \`idx_analytics_daily_cat_rank\` ON \`analytics_daily\``);
      await queryRunner.query(`DROP TABLE \`analytics_complaint_monthly\``);
    } else {
      await queryRunner.query(`DROP INDEX "idx_analytics_daily_city_cat"`);
      await queryRunner.query(`DROP INDEX "idx_analytics_monthly_cat_rank"`);
      await queryRunner.query(`DROP INDEX "idx_analytics_daily_cat_rank"`);
      await queryRunner.query(`DROP TABLE "analytics_complaint_monthly"`);
    }
  }
}
