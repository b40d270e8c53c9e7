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

export const DEPLOY_USAGE = `用法：npm run gongkai -- deploy [dist] [--to 用户@服务器:/srv/dwgk]
  把构建好的网站（默认 dist/）复制到网页服务器：经 ssh 传到服务器上的临时文件夹，收全以后才覆盖网站文件夹，
  再删除新构建中已经没有的旧文件。只需要 tar 和 ssh（每台 Linux 电脑和服务器都有），不需要 rsync。
  --to 也可以写本机的文件夹（例如 /srv/dwgk），网页服务器就在构建的电脑上时用。
  环境变量（在代码托管平台的“密钥/变量”中设置）：
    DEPLOY_TARGET       部署目标，没有 --to 时使用；两者都没有时只提示、不复制
    DEPLOY_KEY          部署用的 SSH 私钥（整段文字）；不设置时用这台电脑自己的密钥
    DEPLOY_KNOWN_HOSTS  服务器的主机公钥（ssh-keyscan 服务器 的输出）；设置后只认这个公钥，更安全`;

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

export const IMPORT_USAGE = `用法：npm run gongkai -- import units 单位表.xlsx [--sheet 工作表] [--dry-run] [--content 文件夹]
      npm run gongkai -- import boards 公开栏表.xlsx [--sheet 工作表] [--dry-run] [--content 文件夹]
  从 Excel/WPS 表格（.xlsx，或 UTF-8、GBK 编码的 .csv）导入单位名录（units.yaml）或公开栏名录（boards.yaml）。
  按中文表头找列（顺序不限），也按表头找工作表（第一个工作表是“说明”也没关系）；表格模板见 public/templates/。
  尺寸可以写 2400、2.4米、240厘米，或在一个格子里写 2400×1200、2.4x1.2、2400*1200；没写单位的按最可能的单位算。
  同名的村用“所属镇”列（单位表用“上级单位”列）区分；单位表加“原名称”列可以给单位改名（与 rename 相同）。
  再次导入修改过的表格时，只改表格里写了的内容，units.yaml 中手工改过的其他内容和表格中没有的单位都保留。
  导入单位后自动重新生成 CODEOWNERS。表格有错误时逐条列出（第几行、哪一列、怎么改），不写入任何文件。
  --sheet    导入哪个工作表（名称，或第几个）；不写时按表头自动找
  --dry-run  只列出将要新增和修改的内容（包括每个改写了格式的格子），不写入`;

export const RENAME_USAGE = `用法：npm run gongkai -- rename unit 旧名称 新名称 [--keep-id | --id 新标识] [--town 所属镇] [--dry-run] [--content 文件夹]
  给单位改名。新名称按拼音得出新的标识时，一起改：units.yaml（本单位和下级单位的 parent）、boards.yaml（公开栏的单位和标识）、
  content/entries/<标识>/、content/requests/<标识>/ 文件夹和 CODEOWNERS；全部改好或一个也不改。
  只改括号、空格的写法（新庄村(石桥) → 新庄村（石桥））不改标识。旧名称也可以写标识；新名称写英文标识时只改标识。
  --keep-id  只改名称，保留原来的标识（网址和已经印出去的二维码不变）
  --id       自己定新的标识
  --town     有同名单位时，写明是哪个镇的
  --dry-run  只列出将要做的每一处改动，不改文件`;

export const INIT_USAGE = `用法：npm run gongkai -- init                     （逐项询问）
      npm run gongkai -- init --county 县名 --url 网站地址 --phone 监督电话 --forge github|gitlab|gitea --office @审核账号
                              [--title 网站名称] [--publisher 主办单位] [--launch 开通日期] [--dir 文件夹] [--force] [--gongkai 版本]
  为本县新建内容文件夹 content/：site.yaml、标准公开目录 catalog.yaml、只有县委的 units.yaml、空的 boards.yaml，
  并生成 CODEOWNERS。之后用 import 导入单位和公开栏表格。
  不在 Gongkai 自己的仓库里运行时（例如在空文件夹中），把这个文件夹建成本县自己的仓库：另写 package.json（依赖这一版本的 Gongkai 和 Node.js 24）、
  .gitignore、README.md、templates/README.md（只放本县改过的版式）和所选平台的 CI 文件（合并请求检查、每天构建并发布）。
  --gongkai 本县仓库的 package.json 中 gongkai 依赖写什么（默认本版本的版本号；也可以写发布包 .tgz 的网址或路径）
  --launch 网站开通日期（默认今天），写入 site.yaml 的 launch：督查考评从这一天算起
  --dir    在这个文件夹中新建（默认当前文件夹）
  --force  content/ 已有内容（例如示范县）时，整个换成新县的空白内容`;

export const MERGE_USAGE = `用法：npm run gongkai -- merge 文件夹1 文件夹2 … [--content 文件夹] [--out 文件夹]
  把分份构建（npm run build -- --shard i/n）的各份合并成完整的输出文件夹（默认 dist），
  写印刷清单和各镇压缩包，再检查有没有党内内容。各份必须来自同一次构建（同一内容、同一日期）。`;

export const MIGRATE_USAGE = `用法：npm run gongkai -- migrate [--write] [--content 文件夹]
  升级 Gongkai 以后，把本县的内容改成新版本的格式（每个版本改了什么，见 Gongkai 的更新说明 CHANGELOG.md）。
  不加 --write 是试运行：列出要改的每个文件和改动的每一行，不写入任何文件。
  --write  按列出的改动写入（每个文件整个替换，不会只写一半）
  内容还是旧格式时，check 和 build 会停下来并提示运行这个命令。`;

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

export const STANDALONE_USAGE = `用法：npx -p node@24 -p gongkai gongkai standalone [--write] [--dir 仓库] [--gongkai 版本]
  把克隆 Gongkai 建的本县仓库（0.1.0 时的做法）改成只有本县内容的仓库，就地改，git 历史都在：
  删除 Gongkai 的程序、测试、文档和 CI 示例，删除与 Gongkai 相同的版式（保留本县改过的），
  package.json、.gitignore、README.md 和 CI 文件换成本县仓库的版本。content/ 和 CODEOWNERS 不动。
  要用另一份 Gongkai 运行（npx，或别处的 Gongkai），仓库里不能有没提交的改动。
  不加 --write 是试运行：只列出要删除、保留和替换的文件。`;

export const REPORT_USAGE = `用法：npm run report -- [--format md|csv|json] [--today 2026-11-28] [--out 文件] [--detail 数量] [--postings] [--content 文件夹]
  生成党务公开督查考评报告：各单位应公开事项是否按时公开、点题是否按时答复，按镇（街道）和全县汇总。
  --format   md（默认，便于阅读）、csv（每个单位一行，可用表格软件打开）或 json
  --today    按哪一天统计（默认依次为环境变量 GONGKAI_TODAY、site.yaml 的 as_of、今天（北京时间））
  --out      写到文件，不写则输出到屏幕
  --detail   md 格式中列出覆盖率最低的几个单位的逐项情况（默认 10）
  --postings 改为生成公开栏张贴情况：读取 content/postings/<公开栏编号>/ 中的张贴照片，比对二维码里的版本标记，
             列出每块公开栏的最新版本、照片中的版本和日期、是否按时张贴，并按镇（街道）和全县汇总`;

export const BROADCAST_USAGE = `用法：npm run gongkai -- broadcast [--unit 单位标识 …] [--week 2026-W49 或 2026-12-07] [--out 文件夹] [--today 日期] [--content 文件夹]
  生成村村响广播稿：一周（周一到周日）内新公开的内容、正在公示的内容（最后一天和剩余工作日）、答复的点题，
  写成读出来的样子（金额、日期、电话都写成汉字读法，没有网址和符号），标出预计播报时间（按每秒约四个字）。
  每个单位写出 单位-周一日期.txt 和 .pdf（A4）；只生成一个单位时，同时在屏幕上显示全文。构建时每晚自动生成本周的广播稿。
  --unit   只生成这些单位（可以写多次；默认全部镇、街道和村、社区）
  --week   哪一周：2026-W49，或这一周中的任意一天（默认本周）
  --out    写到这个文件夹（默认 broadcast）
  --today  按哪一天计算公示剩余天数（默认依次为 GONGKAI_TODAY、site.yaml 的 as_of、今天）`;
