-- Public information (issue 15, item 4): what a family reads before applying. A school's catchment
-- in words (its address came with several_rounds); the bureau's guide (办事指南) and FAQ as
-- versioned content, public only once a version is published.
ALTER TABLE "school" ADD COLUMN "catchment_description" TEXT NOT NULL DEFAULT '';

CREATE TABLE "public_content" (
    "county_code" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "title_zh" TEXT NOT NULL,
    "title_en" TEXT,
    "body_zh" TEXT NOT NULL,
    "body_en" TEXT,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_by" TEXT,
    "published_at" TIMESTAMP(3),

    CONSTRAINT "public_content_pkey" PRIMARY KEY ("county_code", "kind", "slug", "version"),
    CONSTRAINT "public_content_kind_check" CHECK ("kind" IN ('GUIDE', 'FAQ')),
    CONSTRAINT "public_content_status_check" CHECK ("status" IN ('DRAFT', 'PUBLISHED', 'SUPERSEDED'))
);

