// Texts as departments write them, for tests and benchmarks of the desk: each department's
// overview draws its own sentences from a pool of the phrases real reports use, with its own
// numbers, so that two departments are alike (as real ones are) but never near-copies.
import { getEdition, textsOf } from '../domain/edition'

const OVERVIEW = [
  '{a}坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政务公开工作。',
  '{y}年，{a}通过门户网站主动公开政府信息{n}条，其中政策文件{m}件，工作动态{k}条。',
  '围绕重点领域信息公开，{a}及时发布财政预决算、重大建设项目和公共资源配置等信息{m}条。',
  '对依申请公开工作实行专人负责，每件申请均在法定期限内予以答复。',
  '{a}健全政府信息公开审查机制，落实“三审三校”制度，全年审核拟公开信息{n}条。',
  '深化政策解读，采用图解、视频、问答等形式解读政策文件{m}件，提高政策知晓度。',
  '加强政府信息管理，对现行有效的规范性文件进行全面清理，废止和宣布失效{k}件。',
  '优化政务新媒体平台建设，政务微信公众号全年推送信息{n}条，阅读量达{m}万次。',
  '加强政府网站建设，完成网站栏目优化调整{k}项，信息发布的及时性和准确性明显提高。',
  '{a}将政务公开工作纳入年度绩效考核，明确一名分管负责同志，配备专职工作人员{k}名。',
  '组织开展政务公开业务培训{k}次，参训人员{n}人次，工作人员业务能力进一步提升。',
  '自觉接受社会监督，在门户网站设立意见箱，全年收到并办理群众留言{m}件。',
  '召开新闻发布会{k}场，发布权威信息，回应社会关切{m}次。',
  '规范依申请公开办理流程，建立申请登记、审核、答复、归档全流程台账。',
  '推进基层政务公开标准化规范化，梳理公开事项目录{m}项，编制公开标准{k}项。',
  '在政务服务大厅设置政府信息查阅点{k}个，为群众查阅政府信息提供便利。',
  '落实政策文件公开前评估制度，全年对{m}件拟公开文件进行保密审查。',
  '围绕优化营商环境，集中公开涉企政策{m}项，开展政策宣讲{k}场。',
  '积极推进决策公开，对涉及群众切身利益的{k}项重要决策事项公开征求意见。',
  '做好建议提案办理结果公开，全年公开人大代表建议和政协委员提案办理复文{m}件。',
  '加强政务舆情回应，及时回应网络舆情{k}起，回应率达到百分之百。',
  '严格执行信息公开保密审查制度，全年未发生泄密事件。',
  '推进“互联网+政务服务”，网上可办事项{n}项，全程网办率进一步提高。',
  '健全政府信息公开工作考核、社会评议和责任追究制度，定期通报工作情况。',
  '组织开展政府开放日活动{k}次，邀请群众代表{m}人参观体验。',
  '建立政务公开工作联络员制度，各科室明确联络员{k}名，形成上下联动的工作格局。',
  '完善政府信息公开指南和目录，及时更新机构职能、办事指南等基础信息{m}条。',
  '推进行政执法信息公示，公开行政许可、行政处罚结果{n}条。',
  '做好人事、财政信息公开，公开招录、遴选、任免等信息{k}条。',
  '完善公共企事业单位信息公开规定，督促所属单位公开服务信息{m}条。',
  '全面梳理权责清单，公开行政权力事项{n}项，公共服务事项{m}项。',
  '加强政府信息公开平台安全防护，开展网站安全检查{k}次。',
  '全年通过政府公报刊登规章和规范性文件{k}件，方便群众查阅。',
  '持续做好疫情防控、安全生产等领域信息发布工作，发布预警信息{m}条。',
  '在档案馆、图书馆设置政府公开信息查阅场所{k}处，全年接待查阅群众{m}人次。',
  '针对上年评估中指出的问题逐项整改，完成整改事项{k}项。',
]

const PROBLEMS = [
  '政策解读的形式还不够丰富，全年图解、视频解读仅占{k}%，解读质量有待提高。',
  '部分科室对政务公开工作认识不足，有{k}条信息未能在规定时限内报送。',
  '依申请公开答复的规范性还需加强，个别答复书援引条款不够准确。',
  '政务新媒体的互动功能发挥不够充分，留言平均回复时间为{k}个工作日。',
  '基层政务公开标准化建设进展不平衡，{k}个乡镇（街道）的公开目录尚未更新。',
  '网站栏目设置不够合理，部分栏目长期未更新，群众查找信息不够便捷。',
  '重点领域信息公开的深度不够，财政资金使用情况公开不够细化。',
  '工作人员业务能力参差不齐，兼职人员多、流动性大。',
  '政策文件公开前评估不够到位，全年有{k}件文件公开后进行了更正。',
  '对所属单位的指导监督不够，公共企事业单位信息公开质量不高。',
]

const MEASURES = [
  '下一步，{a}将加强政策解读，更多采用图表、视频等形式，提高解读的针对性和可读性。',
  '加强业务培训，每年组织不少于{k}次专题培训，提升工作人员业务水平。',
  '完善考核机制，将信息报送情况纳入科室年度考核，每季度通报一次。',
  '规范依申请公开办理，严格按照法定程序和时限答复，提高答复质量。',
  '加强政务新媒体管理，建立留言办理台账，确保{k}个工作日内回复。',
  '优化网站栏目设置，开展栏目清理，对{k}个空白栏目进行整改或关停。',
  '细化重点领域信息公开，按项目公开资金使用和绩效情况。',
  '加强对所属{k}家单位的指导，开展公共企事业单位信息公开专项检查。',
]

const OTHER = [
  '本年度未收取信息处理费。',
  '{y}年度，{a}未收取任何政府信息公开信息处理费。',
  '按照《政府信息公开信息处理费管理办法》，本机关本年度发出收费通知{k}件，实际收取信息处理费0元。',
  '本机关无其他需要报告的事项。本年度未收取信息处理费，人大代表建议和政协提案办理结果已全部公开。',
]

/** A deterministic generator of 0..max (the same texts every run). */
function random(seed: number) {
  let s = seed >>> 0 || 1
  return (max: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return (s >>> 8) % (max + 1)
  }
}

function fill(template: string, agency: string, year: number, next: (max: number) => number): string {
  return template
    .replaceAll('{a}', agency)
    .replaceAll('{y}', String(year))
    .replace(/\{n\}/g, () => String(100 + next(900)))
    .replace(/\{m\}/g, () => String(10 + next(190)))
    .replace(/\{k\}/g, () => String(1 + next(20)))
}

function pick<T>(pool: readonly T[], count: number, next: (max: number) => number): T[] {
  const left = [...pool]
  const out: T[] = []
  while (out.length < count && left.length) out.push(left.splice(next(left.length - 1), 1)[0]!)
  return out
}

/** The three texts of a department's report: 一 of 12 to 16 sentences, 五 with measures, 六 of one or two. */
/** What the 2021 notice asks 一 to cover (the edition's guidance): a real overview speaks of each. */
const TOPICS = textsOf(getEdition('2021')).find((t) => t.key === 'overview')?.guidance?.items ?? []

export function realisticTexts(agency: string, year: number, seed: number) {
  const next = random(seed)
  const sentences = pick(OVERVIEW, 12 + next(4), next)
  for (const topic of TOPICS) {
    const speaks = (s: string) => topic.mentions?.some((m) => s.includes(m))
    if (!sentences.some(speaks)) sentences.push(OVERVIEW.find(speaks)!)
  }
  const overview = sentences.map((s) => fill(s, agency, year, next)).join('\n')
  const problems = [
    `${year}年，${agency}政务公开工作还存在一些不足：`,
    ...pick(PROBLEMS, 3, next),
    ...pick(MEASURES, 3, next),
  ]
    .map((s) => fill(s, agency, year, next))
    .join('\n')
  const other = fill(OTHER[next(OTHER.length - 1)]!, agency, year, next)
  return { overview, problems, other }
}
