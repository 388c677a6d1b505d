"""The scan floor: DuckDB reads every file and makes one regexp pass over the text.

Usage: python benchmarks/floor.py ARTICLES_DIR
"""

import sys

import duckdb

if __name__ == "__main__":
    pattern = f"{sys.argv[1].rstrip('/')}/*.txt"
    row = duckdb.sql(
        "select count(*), sum(len(regexp_extract_all(content, '\\d[\\d,]*'))) from read_text(?)", params=[pattern]
    ).fetchone()
    print(f"floor: {row[0]} files, {row[1]} numbers")
