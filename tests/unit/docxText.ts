import { strFromU8, unzipSync } from 'fflate';

/** The parts of a DOCX (a zip) as text, and the plain text of word/document.xml with the tags taken out. */
export async function readDocx(blob: Blob): Promise<{ parts: Record<string, string>; documentXml: string; text: string }> {
  const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
  const parts: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(files)) if (/\.(xml|rels)$/.test(name)) parts[name] = strFromU8(bytes);
  const documentXml = parts['word/document.xml'] ?? '';
  const text = documentXml
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  return { parts, documentXml, text };
}
