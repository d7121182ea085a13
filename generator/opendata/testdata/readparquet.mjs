// Reads a Parquet file with hyparquet, an implementation independent of
// the Go writer, and prints its schema and rows as JSON on stdout. INT64
// values arrive as BigInt, which JSON cannot hold: they are printed as
// strings. Usage: node readparquet.mjs <hyparquet folder> <file.parquet>
import { pathToFileURL } from 'node:url'
import path from 'node:path'

const [dir, file] = process.argv.slice(2)
const hp = await import(pathToFileURL(path.join(dir, 'src', 'node.js')).href)
const buf = await hp.asyncBufferFromFile(file)
const metadata = await hp.parquetMetadataAsync(buf)
const columns = metadata.schema.slice(1).map(s => ({
  name: s.name,
  type: s.type,
  converted: s.converted_type ?? '',
  repetition: s.repetition_type,
}))
const rows = await new Promise((resolve, reject) => {
  hp.parquetRead({ file: buf, metadata, rowFormat: 'array', onComplete: resolve }).catch(reject)
})
const out = JSON.stringify({ columns, rows }, (_, v) => typeof v === 'bigint' ? v.toString() : v)
process.stdout.write(out)
