/** Self time per function of a V8 CPU profile (.cpuprofile), largest first, in ms. */
export function topSelfTime(profile: any, limit = 25): { fn: string; ms: number; percent: number }[] {
  const byId = new Map<number, any>(profile.nodes.map((node: any) => [node.id, node]))
  const self = new Map<string, number>()
  const deltas: number[] = profile.timeDeltas
  let total = 0
  profile.samples.forEach((id: number, i: number) => {
    const node = byId.get(id)
    const frame = node.callFrame
    const name = `${frame.functionName || '(anonymous)'} ${(frame.url || '').split('/').pop()}:${frame.lineNumber + 1}`
    const ms = (deltas[i] ?? 0) / 1000
    total += ms
    self.set(name, (self.get(name) ?? 0) + ms)
  })
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([fn, ms]) => ({ fn, ms: Math.round(ms), percent: Math.round((ms / total) * 1000) / 10 }))
}
