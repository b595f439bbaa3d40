/**
 * A whole binary WebSocket frame (RFC 6455 §5.2: FIN set, opcode 2, unmasked as a server's
 * frames are) around a message, given in parts (a relayed update: its message header, then the
 * update's bytes as received). A message that goes to every connection of a room is framed
 * once and written to each socket as one buffer; `ws.send` would frame it anew per connection
 * and write header and payload as two buffers through a cork, and that work was a tenth of the
 * server's CPU while 20 people typed (bench/FINDINGS.md §3).
 */
export function binaryFrame(...parts: Uint8Array[]): Buffer {
  let length = 0
  for (const part of parts) length += part.byteLength
  const headerBytes = length < 126 ? 2 : length < 65_536 ? 4 : 10
  const frame = Buffer.allocUnsafe(headerBytes + length)
  frame[0] = 0x82
  if (headerBytes === 2) frame[1] = length
  else if (headerBytes === 4) {
    frame[1] = 126
    frame.writeUInt16BE(length, 2)
  } else {
    frame[1] = 127
    frame.writeBigUInt64BE(BigInt(length), 2)
  }
  let offset = headerBytes
  for (const part of parts) {
    frame.set(part, offset)
    offset += part.byteLength
  }
  return frame
}
