// Describes a database as sorted lines ("column User.email: text, not null, no default"), once from
// schema.prisma and once from a live database, so the two can be compared with a readable diff.
import { type GetDMMFError, getDMMF } from "@prisma/get-dmmf";
import type pg from "pg";

type DmmfDocument = Exclude<ReturnType<typeof getDMMF>, GetDMMFError>;
export type Datamodel = DmmfDocument["datamodel"];
type Model = Datamodel["models"][number];
type Field = Model["fields"][number];
type DatamodelEnum = Datamodel["enums"][number];

// PostgreSQL's NAMEDATALEN - 1; Prisma truncates its default constraint names to fit.
const NAME_LIMIT = 63;

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  Boolean: "boolean",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

const REFERENTIAL_ACTIONS: Record<string, string> = {
  Cascade: "cascade",
  Restrict: "restrict",
  NoAction: "no action",
  SetNull: "set null",
  SetDefault: "set default",
};

// Defaults Prisma fills in on the client: the column itself has no default.
const CLIENT_SIDE_DEFAULTS = new Set(["cuid", "uuid", "nanoid", "ulid"]);

export interface ShapeDiff {
  onlyInSchema: string[];
  onlyInDatabase: string[];
}

export function loadDatamodel(schemaText: string): Datamodel {
  const result = getDMMF({ datamodel: schemaText });
  if (!("datamodel" in result)) throw new Error(`schema.prisma does not parse: ${result.error.message}`);
  return result.datamodel;
}

export function diffShapes(expected: readonly string[], actual: readonly string[]): ShapeDiff {
  const expectedSet = new Set(expected);
  const actualSet = new Set(actual);
  return {
    onlyInSchema: expected.filter((line) => !actualSet.has(line)),
    onlyInDatabase: actual.filter((line) => !expectedSet.has(line)),
  };
}

export function expectedShape(datamodel: Datamodel): string[] {
  const models = new Map(datamodel.models.map((model) => [model.name, model]));
  const enums = new Map(datamodel.enums.map((item) => [item.name, item]));
  const lines: string[] = [];

  for (const item of datamodel.enums) {
    const labels = item.values.map((value) => value.dbName ?? value.name);
    lines.push(`enum ${item.dbName ?? item.name} (${labels.join(", ")})`);
  }

  for (const model of datamodel.models) {
    const table = tableName(model);
    lines.push(`table ${table}`);
    for (const field of model.fields) {
      if (field.kind === "scalar" || field.kind === "enum") {
        const type = columnType(field, enums);
        // Prisma creates list columns without NOT NULL even though `String[]` cannot be optional.
        const nullability = field.isRequired && !field.isList ? "not null" : "null";
        lines.push(
          `column ${table}.${columnName(field)}: ${type}, ${nullability}, ${expectedDefault(field, type)}`,
        );
      } else if (field.kind === "unsupported") {
        throw new Error(`${model.name}.${field.name}: Unsupported(...) fields are not described here`);
      } else if (field.relationFromFields && field.relationFromFields.length > 0) {
        lines.push(foreignKeyLine(model, field, models));
      }
    }
  }

  const covered = new Set<string>();
  for (const index of datamodel.indexes) {
    const model = models.get(index.model);
    if (!model) throw new Error(`index on unknown model ${index.model}`);
    if (index.type === "fulltext")
      throw new Error(`${model.name}: fulltext indexes do not exist on PostgreSQL`);
    const kind = index.type === "id" ? "primary key" : index.type === "unique" ? "unique index" : "index";
    const columns = index.fields.map((part) => columnName(fieldOf(model, part.name)));
    const parts = index.fields.map((part, i) => `${columns[i]}${part.sortOrder === "desc" ? " DESC" : ""}`);
    const method = (index.algorithm ?? "BTree").toLowerCase();
    const name = index.dbName ?? defaultIndexName(tableName(model), columns, index.type);
    covered.add(`${kind} ${model.name} ${index.fields.map((part) => part.name).join(",")}`);
    lines.push(indexLine(kind, tableName(model), parts, method, name));
  }

  // datamodel.indexes lists every @id, @unique and @@unique today; should a later Prisma stop doing
  // so, derive them from the model instead of silently expecting fewer constraints.
  for (const model of datamodel.models) {
    const keys: Array<[kind: "primary key" | "unique index", fields: readonly string[]]> = [];
    const idField = model.fields.find((field) => field.isId);
    if (idField) keys.push(["primary key", [idField.name]]);
    if (model.primaryKey) keys.push(["primary key", model.primaryKey.fields]);
    for (const field of model.fields) if (field.isUnique) keys.push(["unique index", [field.name]]);
    for (const fields of model.uniqueFields) keys.push(["unique index", fields]);
    for (const [kind, fields] of keys) {
      if (covered.has(`${kind} ${model.name} ${fields.join(",")}`)) continue;
      const columns = fields.map((name) => columnName(fieldOf(model, name)));
      const type = kind === "primary key" ? "id" : "unique";
      lines.push(
        indexLine(
          kind,
          tableName(model),
          columns,
          "btree",
          defaultIndexName(tableName(model), columns, type),
        ),
      );
    }
  }

  return [...new Set(lines)].sort();
}

function tableName(model: Model): string {
  return model.dbName ?? model.name;
}

function columnName(field: Field): string {
  return field.dbName ?? field.name;
}

function fieldOf(model: Model, name: string): Field {
  const field = model.fields.find((candidate) => candidate.name === name);
  if (!field) throw new Error(`${model.name} has no field ${name}`);
  return field;
}

function indexLine(
  kind: string,
  table: string,
  parts: readonly string[],
  method: string,
  name: string,
): string {
  const using = method === "btree" ? "" : ` using ${method}`;
  return `${kind} ${table} (${parts.join(", ")})${using} "${name}"`;
}

// Prisma's ConstraintNames: {table}_pkey, {table}_{columns}_key / _idx / _fkey, cut to 63 bytes.
function defaultIndexName(table: string, columns: readonly string[], type: string): string {
  if (type === "id") return `${table.slice(0, NAME_LIMIT - 5)}_pkey`;
  const suffix = type === "unique" ? "_key" : "_idx";
  return `${`${table}_${columns.join("_")}`.slice(0, NAME_LIMIT - suffix.length)}${suffix}`;
}

function columnType(field: Field, enums: Map<string, DatamodelEnum>): string {
  const list = field.isList ? "[]" : "";
  if (field.kind === "enum") {
    const item = enums.get(field.type);
    return `enum ${item?.dbName ?? field.type}${list}`;
  }
  if (field.nativeType) return `${nativeType(field.nativeType[0], field.nativeType[1])}${list}`;
  const type = SCALAR_TYPES[field.type];
  if (!type) throw new Error(`No PostgreSQL type known for Prisma type ${field.type}`);
  return `${type}${list}`;
}

// As format_type() prints them. Unknown ones fail loudly rather than compare against a guess.
function nativeType(name: string, args: readonly string[]): string {
  const params = args.length > 0 ? `(${args.join(",")})` : "";
  const simple: Record<string, string> = {
    Text: "text",
    Uuid: "uuid",
    SmallInt: "smallint",
    Integer: "integer",
    BigInt: "bigint",
    Real: "real",
    DoublePrecision: "double precision",
    Boolean: "boolean",
    Date: "date",
    Json: "json",
    JsonB: "jsonb",
    ByteA: "bytea",
    Inet: "inet",
    Citext: "citext",
    Xml: "xml",
  };
  const found = simple[name];
  if (found && args.length === 0) return found;
  if (name === "VarChar") return `character varying${params}`;
  if (name === "Char") return `character${params || "(1)"}`;
  if (name === "Decimal") return `numeric${params}`;
  if (name === "Timestamp" && args.length === 1) return `timestamp${params} without time zone`;
  if (name === "Timestamptz" && args.length === 1) return `timestamp${params} with time zone`;
  throw new Error(`schema-shape has no mapping for @db.${name}${params}; add one to nativeType()`);
}

function expectedDefault(field: Field, type: string): string {
  const value = field.default;
  if (!field.hasDefaultValue || value === undefined) return "no default";
  if (typeof value === "object") {
    if (!("name" in value)) throw new Error(`${field.name}: list defaults are not described here`);
    if (CLIENT_SIDE_DEFAULTS.has(value.name)) return "no default";
    if (value.name === "now") return "default CURRENT_TIMESTAMP";
    if (value.name === "autoincrement") return "default autoincrement";
    if (value.name === "dbgenerated") return normalizeDefault(String(value.args[0] ?? ""), type);
    throw new Error(`${field.name}: no database default known for ${value.name}()`);
  }
  if (typeof value === "string" && !isNumericType(type)) return `default '${value.replaceAll("'", "''")}'`;
  return `default ${String(value)}`;
}

function isNumericType(type: string): boolean {
  return /^(smallint|integer|bigint|real|double precision|numeric)/.test(type);
}

// pg_get_expr output made comparable: 'draft'::"ModelStage" -> 'draft', '-1'::integer -> -1.
function normalizeDefault(expression: string | null, type: string): string {
  if (expression === null) return "no default";
  if (expression.startsWith("nextval(")) return "default autoincrement";
  if (expression === "CURRENT_TIMESTAMP" || expression === "now()") return "default CURRENT_TIMESTAMP";
  const literal = /^'((?:[^']|'')*)'::[^']+$/s.exec(expression);
  if (literal) return isNumericType(type) ? `default ${literal[1]}` : `default '${literal[1]}'`;
  return `default ${expression}`;
}

function foreignKeyLine(model: Model, field: Field, models: Map<string, Model>): string {
  const target = models.get(field.type);
  if (!target) throw new Error(`${model.name}.${field.name} points at unknown model ${field.type}`);
  const columns = (field.relationFromFields ?? []).map((name) => columnName(fieldOf(model, name)));
  const references = (field.relationToFields ?? []).map((name) => columnName(fieldOf(target, name)));
  // Prisma's defaults: Restrict for a required relation, SetNull for an optional one; Cascade on update.
  const onDelete = field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull");
  const onUpdate = field.relationOnUpdate ?? "Cascade";
  // DMMF omits @relation(map: ...), so a custom foreign key name would show up as a difference.
  const joined = `${tableName(model)}_${columns.join("_")}`;
  const name = `${joined.slice(0, NAME_LIMIT - 5)}_fkey`;
  return foreignKey(
    tableName(model),
    columns,
    tableName(target),
    references,
    action(onDelete),
    action(onUpdate),
    name,
  );
}

function action(name: string): string {
  const rendered = REFERENTIAL_ACTIONS[name];
  if (!rendered) throw new Error(`Unknown referential action ${name}`);
  return rendered;
}

function foreignKey(
  table: string,
  columns: readonly string[],
  target: string,
  references: readonly string[],
  onDelete: string,
  onUpdate: string,
  name: string,
): string {
  return (
    `foreign key ${table} (${columns.join(", ")}) references ${target} (${references.join(", ")}) ` +
    `on delete ${onDelete} on update ${onUpdate} "${name}"`
  );
}

const CATALOG_ACTIONS: Record<string, string> = {
  a: "no action",
  r: "restrict",
  c: "cascade",
  n: "set null",
  d: "set default",
};

// Reads the same facts from pg_catalog. `_prisma_migrations` is bookkeeping, not part of the model.
export async function readDatabaseShape(client: pg.ClientBase, schema = "public"): Promise<string[]> {
  const lines: string[] = [];
  const tableFilter = `n.nspname = $1 AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'`;

  const tables = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE ${tableFilter}`,
    [schema],
  );
  for (const row of tables.rows) lines.push(`table ${row.name}`);

  const columns = await client.query<{
    table_name: string;
    column_name: string;
    type: string;
    not_null: boolean;
    default_expr: string | null;
    identity: string;
    generated: string;
  }>(
    `SELECT c.relname AS table_name, a.attname AS column_name,
            CASE WHEN t.typtype = 'e' THEN 'enum ' || t.typname
                 WHEN et.typtype = 'e' THEN 'enum ' || et.typname || '[]'
                 ELSE format_type(a.atttypid, a.atttypmod) END AS type,
            a.attnotnull AS not_null, pg_get_expr(d.adbin, d.adrelid) AS default_expr,
            a.attidentity AS identity, a.attgenerated AS generated
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_type t ON t.oid = a.atttypid
       LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE ${tableFilter} AND a.attnum > 0 AND NOT a.attisdropped`,
    [schema],
  );
  for (const row of columns.rows) {
    const nullability = row.not_null ? "not null" : "null";
    const defaultText =
      row.identity !== ""
        ? "identity"
        : row.generated !== ""
          ? `generated ${row.default_expr}`
          : normalizeDefault(row.default_expr, row.type);
    lines.push(`column ${row.table_name}.${row.column_name}: ${row.type}, ${nullability}, ${defaultText}`);
  }

  const enums = await client.query<{ name: string; labels: string[] }>(
    `SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = $1 GROUP BY t.typname`,
    [schema],
  );
  for (const row of enums.rows) lines.push(`enum ${row.name} (${row.labels.join(", ")})`);

  const indexes = await client.query<{
    table_name: string;
    name: string;
    is_unique: boolean;
    is_primary: boolean;
    method: string;
    predicate: string | null;
    parts: string[];
  }>(
    `SELECT c.relname AS table_name, i.relname AS name, x.indisunique AS is_unique, x.indisprimary AS is_primary,
            am.amname AS method, pg_get_expr(x.indpred, x.indrelid) AS predicate,
            ARRAY(SELECT CASE WHEN k.attnum = 0 THEN pg_get_indexdef(x.indexrelid, k.ord::int, true)
                              ELSE a.attname::text END
                         || CASE WHEN x.indoption[k.ord - 1] & 1 = 1 THEN ' DESC' ELSE '' END
                    FROM unnest(x.indkey) WITH ORDINALITY AS k(attnum, ord)
                    LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
                   WHERE k.ord <= x.indnkeyatts
                   ORDER BY k.ord) AS parts
       FROM pg_index x
       JOIN pg_class c ON c.oid = x.indrelid
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_am am ON am.oid = i.relam
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE ${tableFilter}`,
    [schema],
  );
  for (const row of indexes.rows) {
    const kind = row.is_primary ? "primary key" : row.is_unique ? "unique index" : "index";
    const where = row.predicate === null ? "" : ` where ${row.predicate}`;
    lines.push(`${indexLine(kind, row.table_name, row.parts, row.method, row.name)}${where}`);
  }

  const foreignKeys = await client.query<{
    table_name: string;
    name: string;
    target: string;
    on_delete: string;
    on_update: string;
    columns: string[];
    ref_columns: string[];
  }>(
    `SELECT c.relname AS table_name, k.conname AS name, rt.relname AS target,
            k.confdeltype AS on_delete, k.confupdtype AS on_update,
            ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY AS u(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum ORDER BY u.ord) AS columns,
            ARRAY(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY AS u(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.attnum ORDER BY u.ord) AS ref_columns
       FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid
       JOIN pg_class rt ON rt.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE k.contype = 'f' AND ${tableFilter}`,
    [schema],
  );
  for (const row of foreignKeys.rows) {
    const onDelete = CATALOG_ACTIONS[row.on_delete] ?? row.on_delete;
    const onUpdate = CATALOG_ACTIONS[row.on_update] ?? row.on_update;
    lines.push(
      foreignKey(row.table_name, row.columns, row.target, row.ref_columns, onDelete, onUpdate, row.name),
    );
  }

  return [...new Set(lines)].sort();
}
