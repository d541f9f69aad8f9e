namespace Begroting.Store;

/// <summary>The tables of the store, as DuckDB DDL. Their columns are documented in schemas/store.schema.json (a test holds the two together).</summary>
public static class StoreSchema
{
    /// <summary>Bumped when a table changes shape: a store of another version is rebuilt, not reused.</summary>
    public const string Version = "1";

    /// <summary>The exported tables, in load order.</summary>
    public static readonly string[] Tables =
    [
        "documents", "programmes", "policy_areas", "goals", "performances", "indicators", "observations", "budget_lines", "series", "series_members", "facts",
    ];

    public const string Ddl = """
        CREATE TABLE documents (
            document_id VARCHAR PRIMARY KEY, publication VARCHAR NOT NULL, publication_label VARCHAR NOT NULL, municipality VARCHAR, kind VARCHAR,
            year INTEGER, programme VARCHAR, title VARCHAR, source_file VARCHAR NOT NULL, format VARCHAR NOT NULL, sha256 VARCHAR NOT NULL,
            schema_version VARCHAR NOT NULL, tool_version VARCHAR NOT NULL, rendition_rank INTEGER NOT NULL, best_rendition BOOLEAN NOT NULL,
            ocr BOOLEAN NOT NULL, goals INTEGER NOT NULL, indicators INTEGER NOT NULL, residue INTEGER NOT NULL, warnings INTEGER NOT NULL);
        CREATE TABLE programmes (
            document_id VARCHAR NOT NULL, number VARCHAR, name VARCHAR, mission VARCHAR, commissie VARCHAR, portefeuilles VARCHAR, provenance VARCHAR);
        CREATE TABLE policy_areas (
            document_id VARCHAR NOT NULL, publication VARCHAR NOT NULL, code VARCHAR, name VARCHAR NOT NULL, provenance VARCHAR);
        CREATE TABLE goals (
            document_id VARCHAR NOT NULL, publication VARCHAR NOT NULL, code VARCHAR, policy_area VARCHAR, title VARCHAR NOT NULL, other_titles VARCHAR, provenance VARCHAR);
        CREATE TABLE performances (
            document_id VARCHAR NOT NULL, publication VARCHAR NOT NULL, goal_code VARCHAR, code VARCHAR NOT NULL, title VARCHAR NOT NULL, provenance VARCHAR);
        CREATE TABLE indicators (
            indicator_id VARCHAR PRIMARY KEY, indicator_key VARCHAR NOT NULL, document_id VARCHAR NOT NULL, publication VARCHAR NOT NULL,
            code VARCHAR, goal_code VARCHAR, policy_area VARCHAR, name VARCHAR NOT NULL, unit VARCHAR, source VARCHAR, footnotes VARCHAR, provenance VARCHAR);
        CREATE TABLE observations (
            indicator_id VARCHAR NOT NULL, indicator_key VARCHAR NOT NULL, document_id VARCHAR NOT NULL, publication VARCHAR NOT NULL,
            kind VARCHAR NOT NULL, year INTEGER, quarter INTEGER, column_kind VARCHAR, value DOUBLE, unit VARCHAR, raw VARCHAR NOT NULL,
            flags VARCHAR NOT NULL, confidence DOUBLE, provenance VARCHAR);
        CREATE TABLE budget_lines (
            document_id VARCHAR NOT NULL, publication VARCHAR NOT NULL, table_index INTEGER NOT NULL, table_kind VARCHAR NOT NULL, table_title VARCHAR,
            row_group VARCHAR NOT NULL, policy_area VARCHAR, area_key VARCHAR, line VARCHAR NOT NULL, label VARCHAR, column_index INTEGER NOT NULL,
            column_kind VARCHAR NOT NULL, column_header VARCHAR, year INTEGER, euros DECIMAL(18,2), raw VARCHAR NOT NULL, flags VARCHAR NOT NULL,
            confidence DOUBLE, provenance VARCHAR);
        CREATE TABLE series (
            series_id VARCHAR PRIMARY KEY, label VARCHAR NOT NULL, members INTEGER NOT NULL, publications VARCHAR NOT NULL,
            first_year INTEGER, last_year INTEGER, units VARCHAR, unit_change BOOLEAN NOT NULL);
        CREATE TABLE series_members (
            series_id VARCHAR NOT NULL, indicator_key VARCHAR NOT NULL, publication VARCHAR NOT NULL, document_id VARCHAR NOT NULL, code VARCHAR,
            name VARCHAR NOT NULL, unit VARCHAR, link_score DOUBLE, by_override BOOLEAN NOT NULL);
        CREATE TABLE facts (
            document_id VARCHAR NOT NULL, publication VARCHAR NOT NULL, document_kind VARCHAR, document_year INTEGER, programme VARCHAR, policy_area VARCHAR,
            table_kind VARCHAR NOT NULL, subject_code VARCHAR, subject VARCHAR, measure VARCHAR NOT NULL, period VARCHAR, column_kind VARCHAR,
            value DOUBLE, unit VARCHAR, raw VARCHAR, provenance VARCHAR, confidence DOUBLE);
        """;

    /// <summary>Canonical JSON of every extracted document, by source and hash, so an unchanged document is not read again. Not exported.</summary>
    public const string CacheDdl = """
        CREATE TABLE IF NOT EXISTS extract_cache (
            source_key VARCHAR NOT NULL, sha256 VARCHAR NOT NULL, tool_version VARCHAR NOT NULL, document_index INTEGER NOT NULL,
            document_json VARCHAR, error_code VARCHAR, error VARCHAR, file VARCHAR NOT NULL);
        """;
}
