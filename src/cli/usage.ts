/**
 * Every command's usage text, apart from the commands themselves: `--help`, a usage error and
 * the command list load this small file, not the modules a command needs to run.
 */

export const BUILD_USAGE = `用法：npm run build -- [--content 文件夹] [--templates 文件夹] [--out 文件夹] [--today 2026-11-28] [--shard 第几份/共几份]
  先检查内容（有错误就停止），再生成网站、搜索索引、公开栏和明白卡印刷文件到输出文件夹（默认 dist）。
  --shard 2/3：分份构建（几台机器并行），只做第 2 份印刷文件和搜索索引；各份再用
  npm run gongkai -- merge 文件夹1 文件夹2 文件夹3 --out dist 合并。`;

export const CHECK_USAGE = `用法：npm run check -- [文件或文件夹…] [--content 文件夹] [--templates 文件夹] [--json] [--go-live]
  检查内容文件夹中的全部文件，一次列出所有问题。
  给出文件（如 content/entries/v-demo/2026/dues.md）或单位文件夹时，只检查它们（连同本单位的其他条目一起核对）。
  --content    内容文件夹（默认 content）
  --templates  模板文件夹（默认为内容文件夹旁边的 templates）
  --json       以 JSON 格式输出
  --go-live    上线检查：示范网址、0000 开头的电话、as_of、“某某”等占位内容都算错误，最后列出上线前还要做的事
               （site.yaml 写了 production: true 时，check 和 build 总是这样检查）
退出码：0 没有错误；1 内容有错误；2 用法错误或程序内部错误；3 这台电脑的问题（磁盘、权限）。`;

export const CODEOWNERS_USAGE = `用法：npm run codeowners -- [--content 文件夹]
  根据 content/units.yaml 生成 CODEOWNERS（位置由 site.yaml 的 codeowners.forge 决定）。`;

export const DEV_USAGE = `用法：npm run preview -- [--content 文件夹] [--templates 文件夹] [--port 4321] [--host]
  实时预览（gongkai preview，也可以用 npm run dev）：在本机打开网站，一直开着。每保存一个条目文件，
  马上重新检查、网页自动刷新，并在终端和 http://localhost:4321/__preview/ 上显示检查结果、
  相关网页的链接和这个单位公开栏的印刷效果。改了页面模板或样式，浏览器也自动刷新。
  预览不生成搜索索引和全部印刷文件；要看完整的网站，请运行 npm run build。
  --port  端口（默认 4321）
  --host  让局域网里的其他电脑也能打开（默认只有本机）`;

export const DIFF_USAGE = `用法：npm run gongkai -- diff <基准版本> [--head 版本] [--content 文件夹] [--format text|json|markdown] [--today 2026-11-28]
                      [--previews 文件夹] [--preview-url 网址前缀] [--out 文件]
  说明从基准版本（如 origin/main）到当前（或 --head）的改动：每个改动的条目是什么（标题、单位、是否社会公开、
  上不上公开栏、从哪天起上栏）、文字改了哪些字；哪些公开栏和明白卡要重新印刷、为什么（与构建用同一套判断），
  以及发布日期或公示开始日期在以后的内容到哪一天要重新印刷哪些。
  --format markdown  输出合并请求用的中文摘要（含检查结果），并把要重印的每一页画成预览图：
                     按 --head 版本的内容、在要印的那一天排版（构建已排过的直接取自印刷缓存）
  --previews  预览图写到这个文件夹（默认 previews）
  --today     按哪一天的内容比较（默认与构建相同：GONGKAI_TODAY、site.yaml 的 as_of、今天）`;

export const IMPORT_USAGE = `用法：npm run gongkai -- import units 单位表.xlsx [--dry-run] [--content 文件夹]
      npm run gongkai -- import boards 公开栏表.xlsx [--dry-run] [--content 文件夹]
  从 Excel/WPS 表格（.xlsx，或 UTF-8、GBK 编码的 .csv）导入单位名录（units.yaml）或公开栏名录（boards.yaml）。
  按中文表头找列（顺序不限），表格模板见 public/templates/（units-template.csv、boards-template.csv）；新单位的标识按名称的拼音生成。
  再次导入修改过的表格时，只改表格里写了的内容，units.yaml 中手工改过的其他内容和表格中没有的单位都保留。
  导入单位后自动重新生成 CODEOWNERS。表格有错误时逐条列出（第几行、哪一列、怎么改），不写入任何文件。
  --dry-run  只列出将要新增和修改的内容，不写入`;

export const INIT_USAGE = `用法：npm run gongkai -- init                     （逐项询问）
      npm run gongkai -- init --county 县名 --url 网站地址 --phone 监督电话 --forge github|gitlab|gitea --office @审核账号
                              [--title 网站名称] [--publisher 主办单位] [--launch 开通日期] [--dir 文件夹] [--force]
  为本县新建内容文件夹 content/：site.yaml、标准公开目录 catalog.yaml、只有县委的 units.yaml、空的 boards.yaml，
  并生成 CODEOWNERS；templates/（公开栏和明白卡模板）保留不动。之后用 import 导入单位和公开栏表格。
  --launch 网站开通日期（默认今天），写入 site.yaml 的 launch：督查考评从这一天算起
  --dir    在这个文件夹中新建（默认当前文件夹）
  --force  content/ 已有内容（例如示范县）时，整个换成新县的空白内容`;

export const MERGE_USAGE = `用法：npm run gongkai -- merge 文件夹1 文件夹2 … [--content 文件夹] [--out 文件夹]
  把分份构建（npm run build -- --shard i/n）的各份合并成完整的输出文件夹（默认 dist），
  写印刷清单和各镇压缩包，再检查有没有党内内容。各份必须来自同一次构建（同一内容、同一日期）。`;

export const NEW_USAGE = `用法：npm run new                         （逐项询问）
      npm run new -- --unit 单位 --item 事项 --title 标题 [--date 2026-11-28] [--stage decision]
                     [--matter 编号] [--slug 文件名] [--reviewed-by 审核人] [--approved-by 审批人] [--summary 摘要]
  在 content/entries/<单位>/<年份>/ 下新建一个条目文件，带有每个字段的中文说明。`;

export const PRINT_USAGE = `用法：npm run print -- [--content 文件夹] [--out 文件夹] [--board 公开栏标识 …] [--card 单位标识 …] [--no-cards] [--tile A3|A4] [--today 日期] [--previous 清单]
  只生成印刷文件：每块公开栏一个 PDF（成品尺寸＋出血，带裁切线），每个单位一份明白卡拼版 PDF（正反两页），
  预览图、印刷清单和各镇压缩包，写到 输出文件夹/print/（默认 dist/print/）。
  --board     只生成这些公开栏（可以写多次）；此时不改动印刷清单和压缩包
  --card      只生成这些单位的明白卡（可以写多次）；只写 --card 时不生成公开栏，也不改动印刷清单和压缩包
  --no-cards  不生成明白卡（输出中也不保留旧的明白卡）
  --tile      另外生成拼贴版（A3 或 A4 纸拼贴，重叠 10 毫米粘贴）
  --today     按哪一天的内容排版（默认依次为 GONGKAI_TODAY、site.yaml 的 as_of、今天）
  --previous  上次发布的 manifest.json，用来标出有变化的公开栏（默认为输出文件夹中现有的清单）
用法：npm run print:internal -- [--content 文件夹] [--out 文件夹]
  生成党内公开内容的 A4 会议材料，写到 internal/（不在 dist/ 中，不会发布到网站）。`;

export const RELEASE_NOTES_USAGE = `用法：npm run release-notes -- <上一版本> [<本版本>] [--out 文件夹] [--format md|csv] [--today 2026-11-28] [--content 文件夹]
  列出两个发布版本（git 标签，如 2026-11 和 2026-12）之间需要重新印刷的公开栏和明白卡，并说明原因。
  本版本默认为 HEAD（最新提交，不含未提交的改动）。
  --out      把 release-notes.md 和 release-notes.csv 写到这个文件夹；不写则输出到屏幕
  --format   输出到屏幕时的格式：md（默认）或 csv
  --today    两个版本都按这一天排版比较（默认依次为 GONGKAI_TODAY、该版本 site.yaml 的 as_of、该版本的提交日期）`;

export const REPORT_USAGE = `用法：npm run report -- [--format md|csv|json] [--today 2026-11-28] [--out 文件] [--detail 数量] [--postings] [--content 文件夹]
  生成党务公开督查考评报告：各单位应公开事项是否按时公开、点题是否按时答复，按镇（街道）和全县汇总。
  --format   md（默认，便于阅读）、csv（每个单位一行，可用表格软件打开）或 json
  --today    按哪一天统计（默认依次为环境变量 GONGKAI_TODAY、site.yaml 的 as_of、今天（北京时间））
  --out      写到文件，不写则输出到屏幕
  --detail   md 格式中列出覆盖率最低的几个单位的逐项情况（默认 10）
  --postings 改为生成公开栏张贴情况：读取 content/postings/<公开栏编号>/ 中的张贴照片，比对二维码里的版本标记，
             列出每块公开栏的最新版本、照片中的版本和日期、是否按时张贴，并按镇（街道）和全县汇总`;
