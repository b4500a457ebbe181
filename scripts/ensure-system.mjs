// Makes sure the browser tests can run: Debian's Chromium, a CJK font, poppler-utils and LibreOffice Writer.
// As root it installs what is missing with apt-get; otherwise it stops with the command to run.
import { execSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const has = (cmd) => {
  try {
    execSync(cmd, { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

const missing = []
if (!existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium')) missing.push('chromium')
if (!has('fc-list :lang=zh | grep -q .')) missing.push('fonts-noto-cjk')
if (!has('command -v pdftotext')) missing.push('poppler-utils')
// The Word export's test renders the .docx to PDF with LibreOffice (headless, no GUI).
if (!has('command -v soffice')) missing.push('libreoffice-writer-nogui')

if (missing.length) {
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  if (!isRoot) {
    console.error(
      `缺少浏览器测试所需的系统软件包：${missing.join(', ')}\n请以 root 身份运行：\n  sudo sh -c '${command}'`,
    )
    process.exit(1)
  }
  console.log(`Installing ${missing.join(', ')} from Debian's packages…`)
  execSync(command, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
}
