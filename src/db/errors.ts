// Turns a failed IndexedDB write into a Chinese message with what to do about it.
export function storageErrorMessage(error: unknown): string {
  // Dexie may wrap the DOMException (error.inner).
  const e = error as { name?: string; inner?: { name?: string }; message?: string }
  const name = e?.inner?.name ?? e?.name ?? ''
  const advice = '您的修改仍显示在屏幕上，正在重试；请先导出报告文件以免丢失。'
  if (/Quota/i.test(name)) return `保存失败：浏览器存储空间已满。${advice}`
  if (/^VersionError$|DatabaseOutdated/i.test(name))
    return `保存失败：本程序已在另一个标签页中更新，请刷新本页面后再编辑。${advice}`
  if (/DatabaseClosed|Blocked|VersionChange/i.test(name))
    return `保存失败：数据库被关闭或被另一个标签页占用，请刷新页面。${advice}`
  return `保存失败：${e?.message ?? String(error)}。${advice}`
}
