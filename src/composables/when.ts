/** 2026/11/25 09:30 (the person's local time): the one date format of the app. */
export const when = (t: number) =>
  new Date(t).toLocaleString('zh-CN', {
    hour12: false,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  })
