/**
 * Name material for counties: county-level units (县直单位), towns and streets, village and
 * community names. Every name comes with its pinyin, which becomes the id.
 */

/** What a demo unit is (units.yaml kind) and where it sits (which generator shapes its content). */
export type Kind = 'county-committee' | 'county-unit' | 'town' | 'village';
export type UnitSite = 'county' | 'office' | 'hospital' | 'school' | 'enterprise' | 'police' | 'town' | 'street' | 'village' | 'community';

/** How a unit's party organisation is named: see countyUnitName in county.ts. */
export type OrgForm = 'organ' | 'dangzu' | 'weiyuanhui' | 'zongzhi' | 'zhibu' | 'custom';
export type Site = 'office' | 'hospital' | 'school' | 'enterprise' | 'police';

export interface CountyUnitDef {
  /** pinyin, becomes cu-<pinyin> */
  py: string;
  /** Short name as people say it, starting with 县 where it applies. */
  short: string;
  form: OrgForm;
  /** Two lines of the unit's own work, used in texts. */
  work: [string, string];
  site?: Site;
  /** Custom full names use {C} for the county's short name (示范). */
  full?: string;
  /** Always present in every county. */
  core?: true;
}

const u = (py: string, short: string, form: OrgForm, w1: string, w2: string, extra: Partial<CountyUnitDef> = {}): CountyUnitDef => ({
  py, short, form, work: [w1, w2], ...extra,
});

export const COUNTY_UNITS: CountyUnitDef[] = [
  u('xianweiban', '县委办公室', 'organ', '服务县委决策部署落实', '督查督办和机要文电工作', { core: true }),
  u('jiwei', '县纪委监委机关', 'custom', '监督执纪问责', '纠治群众身边不正之风和腐败问题', { full: '中共{C}县纪委监委机关委员会', core: true }),
  u('zuzhibu', '县委组织部', 'organ', '基层党组织建设', '干部队伍和人才队伍建设', { core: true }),
  u('xuanchuanbu', '县委宣传部', 'organ', '理论武装和宣传思想工作', '新时代文明实践中心建设', { core: true }),
  u('tongzhanbu', '县委统战部', 'organ', '统一战线和民族宗教工作', '服务非公有制经济健康发展', { core: true }),
  u('zhengfawei', '县委政法委员会', 'organ', '平安建设和社会治理', '矛盾纠纷排查化解', { core: true }),
  u('jigongwei', '县直机关工委', 'custom', '机关党的建设', '模范机关创建', { full: '中共{C}县直属机关工作委员会', core: true }),
  u('xunchaban', '县委巡察办', 'custom', '巡察监督和整改督促', '巡察成果运用', { full: '中共{C}县委巡察工作领导小组办公室' }),
  u('dangxiao', '县委党校', 'organ', '干部教育培训', '党性教育和理论研究' , { core: true }),
  u('dangshiyanjiushi', '县委党史研究室', 'organ', '党史资料征集研究', '党史宣传教育'),
  u('wangxinban', '县委网信办', 'custom', '网络生态治理', '网络安全和信息化工作', { full: '中共{C}县委网络安全和信息化委员会办公室' }),
  u('laoganbuju', '县委老干部局', 'organ', '离退休干部服务管理', '离退休干部党支部建设'),
  u('bianban', '县委编办', 'custom', '机构编制管理', '事业单位登记管理', { full: '中共{C}县委机构编制委员会办公室' }),
  u('renda', '县人大常委会机关', 'dangzu', '依法监督和代表联络', '地方立法调研'),
  u('zhengfuban', '县人民政府办公室', 'dangzu', '政务服务和政务公开', '重点工作督查', { core: true }),
  u('zhengxie', '县政协机关', 'dangzu', '政治协商和民主监督', '委员履职服务'),
  u('fagaiju', '县发展和改革局', 'dangzu', '重大项目谋划和推进', '粮食安全和价格监测', { core: true }),
  u('jiaoyuju', '县教育局', 'dangzu', '义务教育优质均衡发展', '校园安全和课后服务', { core: true }),
  u('kegongxinju', '县科技和工业信息化局', 'dangzu', '工业企业技术改造', '科技成果转化'),
  u('gonganju', '县公安局', 'weiyuanhui', '社会治安防控体系建设', '“放管服”户籍和出入境服务', { site: 'police', core: true }),
  u('minzhengju', '县民政局', 'dangzu', '困难群众兜底保障', '养老服务体系建设', { core: true }),
  u('sifaju', '县司法局', 'dangzu', '公共法律服务', '人民调解和普法宣传', { core: true }),
  u('caizhengju', '县财政局', 'dangzu', '预算绩效管理', '惠民惠农资金监管', { core: true }),
  u('renshe', '县人力资源和社会保障局', 'dangzu', '稳就业和技能培训', '社会保险扩面征缴', { core: true }),
  u('ziranziyuanju', '县自然资源局', 'dangzu', '耕地保护和用地保障', '不动产登记便民服务', { core: true }),
  u('shengtaihuanjingju', '县生态环境分局', 'dangzu', '大气和水污染防治', '生态环境执法检查'),
  u('zhujianju', '县住房和城乡建设局', 'dangzu', '老旧小区改造', '建筑施工安全监管', { core: true }),
  u('jiaotongju', '县交通运输局', 'dangzu', '农村公路建设养护', '城乡客运一体化', { core: true }),
  u('shuiliju', '县水利局', 'dangzu', '农村供水保障', '防汛抗旱和河湖管护', { core: true }),
  u('nongyeju', '县农业农村局', 'dangzu', '粮食生产和特色产业', '农村人居环境整治', { core: true }),
  u('shangwuju', '县商务局', 'dangzu', '县域商业体系建设', '招商引资和外贸服务'),
  u('wenlvju', '县文化广电和旅游局', 'dangzu', '公共文化服务', '全域旅游发展', { core: true }),
  u('weijianju', '县卫生健康局', 'dangzu', '县域医共体建设', '家庭医生签约服务', { core: true }),
  u('tuiyijunrenju', '县退役军人事务局', 'dangzu', '退役军人就业创业服务', '优抚对象关爱帮扶'),
  u('yingjiju', '县应急管理局', 'dangzu', '安全生产监管', '防灾减灾和应急救援', { core: true }),
  u('shenjiju', '县审计局', 'dangzu', '经济责任审计', '重点民生资金审计'),
  u('shichangju', '县市场监督管理局', 'dangzu', '食品药品安全监管', '优化营商环境', { core: true }),
  u('tongjiju', '县统计局', 'dangzu', '统计数据质量', '经济普查和常规调查'),
  u('yibaoju', '县医疗保障局', 'dangzu', '医保基金监管', '城乡居民医保参保', { core: true }),
  u('linyeju', '县林业局', 'dangzu', '森林防火', '林长制和国土绿化'),
  u('xinfangju', '县信访局', 'dangzu', '信访矛盾化解', '领导干部接访下访'),
  u('shenpiju', '县行政审批服务局', 'dangzu', '“一网通办”和“一件事一次办”', '政务服务窗口作风建设'),
  u('jiguanshiwu', '县机关事务服务中心', 'zongzhi', '公务用车和办公用房管理', '节约型机关建设'),
  u('chengguanju', '县城市管理综合执法局', 'dangzu', '市容环境整治', '城市精细化管理'),
  u('minzongju', '县民族宗教事务局', 'dangzu', '民族团结进步创建', '依法管理宗教事务'),
  u('shuiwuju', '县税务局', 'custom', '税费优惠政策落实', '办税缴费便利化', { full: '中共国家税务总局{C}县税务局委员会' }),
  u('gongxiaoshe', '县供销合作社联合社', 'dangzu', '农资保供和农产品流通', '基层供销社改造'),
  u('zonggonghui', '县总工会', 'dangzu', '职工维权和困难职工帮扶', '劳动和技能竞赛', { core: true }),
  u('tuanxianwei', '团县委', 'custom', '青少年思想引领', '青年志愿服务', { full: '共青团{C}县委员会机关党支部', core: true }),
  u('fulian', '县妇女联合会', 'dangzu', '妇女儿童权益保障', '家庭家教家风建设', { core: true }),
  u('kexie', '县科学技术协会', 'dangzu', '科学普及', '科技工作者服务'),
  u('wenlian', '县文学艺术界联合会', 'zhibu', '文艺创作扶持', '文艺志愿服务'),
  u('canlian', '县残疾人联合会', 'dangzu', '残疾人康复和就业', '残疾人证办理服务'),
  u('gongshanglian', '县工商业联合会', 'dangzu', '民营企业服务', '商会建设'),
  u('hongshizihui', '县红十字会', 'zhibu', '应急救护培训', '人道救助和无偿献血宣传'),
  u('fayuan', '县人民法院', 'dangzu', '审判执行质效', '诉源治理和多元解纷', { core: true }),
  u('jianchayuan', '县人民检察院', 'dangzu', '法律监督', '公益诉讼检察'),
  u('renminyiyuan', '县人民医院', 'weiyuanhui', '医疗质量安全', '改善就医感受', { site: 'hospital', core: true }),
  u('zhongyiyuan', '县中医医院', 'weiyuanhui', '中医药特色服务', '基层中医适宜技术推广', { site: 'hospital' }),
  u('fuyoubaojianyuan', '县妇幼保健院', 'zongzhi', '孕产妇和儿童健康管理', '出生缺陷综合防治', { site: 'hospital' }),
  u('jikongzhongxin', '县疾病预防控制中心', 'zongzhi', '传染病防控', '免疫规划和健康教育', { site: 'hospital' }),
  u('diyizhongxue', '县第一中学', 'weiyuanhui', '立德树人和教学质量提升', '教师队伍建设', { site: 'school', core: true }),
  u('dierzhongxue', '县第二中学', 'weiyuanhui', '课堂教学改革', '学生心理健康教育', { site: 'school' }),
  u('zhijiaozhongxin', '县职业教育中心', 'weiyuanhui', '产教融合和校企合作', '技能人才培养', { site: 'school' }),
  u('shiyanxiaoxue', '县实验小学', 'zongzhi', '“双减”和课后服务', '校园文化建设', { site: 'school' }),
  u('rongmeiti', '县融媒体中心', 'zongzhi', '主流舆论阵地建设', '新闻宣传和媒体融合'),
  u('danganguan', '县档案馆', 'zhibu', '档案收集和数字化', '档案利用服务'),
  u('tushuguan', '县图书馆', 'zhibu', '全民阅读推广', '公共数字文化服务'),
  u('xiaofangdadui', '县消防救援大队', 'zhibu', '火灾防控和隐患排查', '消防宣传进社区', { site: 'police' }),
  u('gongshui', '县供水有限公司', 'zhibu', '城区供水保障', '供水管网改造', { site: 'enterprise' }),
  u('chengtou', '县城市建设投资集团有限公司', 'weiyuanhui', '城市基础设施项目建设', '国有资产保值增值', { site: 'enterprise' }),
  u('nongshanghang', '县农村商业银行', 'weiyuanhui', '普惠金融服务', '支持乡村振兴信贷投放', { site: 'enterprise' }),
  u('gongdian', '县供电公司', 'custom', '农网改造升级', '供电服务质量提升', { full: '中共国网{C}县供电公司委员会', site: 'enterprise' }),
  u('youzheng', '县邮政分公司', 'zhibu', '农村寄递物流体系建设', '普遍服务质量提升', { site: 'enterprise' }),
  u('jiaojingdadui', '县公安局交通警察大队', 'zhibu', '道路交通安全整治', '交通管理便民服务', { site: 'police' }),
  u('kaifaqu', '县经济开发区管委会', 'custom', '园区项目建设', '企业服务专员制度', { full: '中共{C}县经济开发区工作委员会' }),
  u('gongjijin', '县住房公积金管理中心', 'zhibu', '住房公积金归集和提取服务', '资金安全管理'),
  u('qixiangju', '县气象局', 'zhibu', '气象预警服务', '农业气象服务'),
  u('renfangban', '县人民防空办公室', 'zhibu', '人防工程管理', '防空防灾宣传'),
  u('nongjizhongxin', '县农业技术推广中心', 'zongzhi', '农技推广和良种示范', '病虫害统防统治'),
  u('liangchu', '县粮食和物资储备中心', 'zhibu', '储备粮管理', '应急物资储备'),
  u('sanzhong', '县第三中学', 'zongzhi', '寄宿制学校管理', '家校共育', { site: 'school' }),
  u('tejiaoxuexiao', '县特殊教育学校', 'zhibu', '特殊儿童康复教育', '送教上门服务', { site: 'school' }),
  u('fuliyuan', '县社会福利院', 'zhibu', '特困人员集中供养', '儿童福利服务'),
  u('difangzhi', '县地方志编纂中心', 'zhibu', '地方志编纂', '年鉴编纂出版'),
  u('dieryiyuan', '县第二人民医院', 'zongzhi', '分级诊疗和双向转诊', '院前急救服务', { site: 'hospital' }),
  u('jiaotou', '县交通建设投资有限公司', 'zhibu', '交通项目融资建设', '国企改革', { site: 'enterprise' }),
  u('shuiwenzhan', '县水文站', 'zhibu', '水文监测预报', '水资源监测'),
  u('yancao', '县烟草专卖局', 'dangzu', '烟叶生产服务', '专卖市场监管'),
];

/** Towns and streets: [name stem, pinyin, suffix]. */
export type TownDef = [string, string, '镇' | '乡' | '街道'];

export const TOWNS: TownDef[] = [
  ['城关', 'chengguan', '街道'], ['清水', 'qingshui', '镇'], ['东城', 'dongcheng', '街道'], ['石桥', 'shiqiao', '镇'],
  ['柳林', 'liulin', '镇'], ['白马', 'baima', '镇'], ['龙泉', 'longquan', '镇'], ['金山', 'jinshan', '乡'],
  ['高坪', 'gaoping', '乡'], ['双河', 'shuanghe', '镇'], ['青龙', 'qinglong', '镇'], ['三岔', 'sancha', '乡'],
  ['西城', 'xicheng', '街道'], ['南关', 'nanguan', '街道'], ['长乐', 'changle', '镇'], ['太平', 'taiping', '镇'],
  ['永兴', 'yongxing', '镇'], ['马坪', 'maping', '乡'], ['黄岭', 'huangling', '镇'], ['新店', 'xindian', '镇'],
  ['古城', 'gucheng', '镇'], ['桂花', 'guihua', '乡'], ['红岩', 'hongyan', '镇'], ['安乐', 'anle', '乡'],
  ['大河', 'dahe', '镇'], ['杨柳', 'yangliu', '镇'], ['松林', 'songlin', '乡'], ['凤凰', 'fenghuang', '镇'],
  ['槐树', 'huaishu', '乡'], ['平桥', 'pingqiao', '镇'], ['梅溪', 'meixi', '镇'], ['鹿鸣', 'luming', '乡'],
  ['河口', 'hekou', '镇'], ['望城', 'wangcheng', '街道'], ['兴隆', 'xinglong', '镇'], ['关庙', 'guanmiao', '乡'],
];

/** First syllable of village names: [hanzi, pinyin]. */
export const VILLAGE_FIRST: [string, string][] = [
  ['上', 'shang'], ['下', 'xia'], ['东', 'dong'], ['西', 'xi'], ['南', 'nan'], ['北', 'bei'], ['大', 'da'], ['小', 'xiao'],
  ['新', 'xin'], ['石', 'shi'], ['柳', 'liu'], ['杨', 'yang'], ['李', 'li'], ['王', 'wang'], ['张', 'zhang'], ['黄', 'huang'],
  ['青', 'qing'], ['白', 'bai'], ['红', 'hong'], ['金', 'jin'], ['龙', 'long'], ['凤', 'feng'], ['马', 'ma'], ['高', 'gao'],
  ['双', 'shuang'], ['三', 'san'], ['五', 'wu'], ['长', 'chang'], ['平', 'ping'], ['安', 'an'], ['兴', 'xing'], ['永', 'yong'],
  ['丰', 'feng'], ['太', 'tai'], ['桃', 'tao'], ['梨', 'li'], ['松', 'song'], ['竹', 'zhu'], ['梅', 'mei'], ['茶', 'cha'],
  ['陈', 'chen'], ['刘', 'liu'], ['赵', 'zhao'], ['周', 'zhou'], ['吴', 'wu'], ['罗', 'luo'], ['何', 'he'], ['郭', 'guo'],
  ['沙', 'sha'], ['柏', 'bai'], ['槐', 'huai'], ['杏', 'xing'], ['枣', 'zao'], ['桑', 'sang'], ['麻', 'ma'], ['鹤', 'he'],
  ['云', 'yun'], ['碧', 'bi'], ['清', 'qing'], ['兰', 'lan'], ['古', 'gu'], ['中', 'zhong'], ['前', 'qian'], ['后', 'hou'],
];

/** Second syllable: terrain words. */
export const VILLAGE_SECOND: [string, string][] = [
  ['坝', 'ba'], ['湾', 'wan'], ['沟', 'gou'], ['坪', 'ping'], ['岭', 'ling'], ['桥', 'qiao'], ['庄', 'zhuang'], ['营', 'ying'],
  ['堡', 'bao'], ['塘', 'tang'], ['溪', 'xi'], ['山', 'shan'], ['林', 'lin'], ['田', 'tian'], ['园', 'yuan'], ['口', 'kou'],
  ['岗', 'gang'], ['坡', 'po'], ['寨', 'zhai'], ['垭', 'ya'], ['湖', 'hu'], ['泉', 'quan'], ['滩', 'tan'], ['店', 'dian'],
  ['铺', 'pu'], ['院', 'yuan'], ['河', 'he'], ['台', 'tai'], ['岩', 'yan'], ['池', 'chi'], ['冲', 'chong'], ['峰', 'feng'],
  ['家', 'jia'], ['场', 'chang'], ['井', 'jing'], ['垄', 'long'],
];

/** Community names for streets and town seats: [hanzi, pinyin]. */
export const COMMUNITIES: [string, string][] = [
  ['东门', 'dongmen'], ['西门', 'ximen'], ['南门', 'nanmen'], ['北门', 'beimen'], ['南关', 'nanguan'], ['北关', 'beiguan'],
  ['东关', 'dongguan'], ['西关', 'xiguan'], ['建设', 'jianshe'], ['人民', 'renmin'], ['文化', 'wenhua'], ['解放', 'jiefang'],
  ['幸福', 'xingfu'], ['和平', 'heping'], ['新华', 'xinhua'], ['胜利', 'shengli'], ['光明', 'guangming'], ['朝阳', 'chaoyang'],
  ['滨河', 'binhe'], ['花园', 'huayuan'], ['向阳', 'xiangyang'], ['育才', 'yucai'], ['团结', 'tuanjie'], ['长青', 'changqing'],
  ['新城', 'xincheng'], ['红旗', 'hongqi'], ['府前', 'fuqian'], ['迎宾', 'yingbin'], ['民主', 'minzhu'], ['振兴', 'zhenxing'],
  ['书院', 'shuyuan'], ['钟楼', 'zhonglou'], ['鼓楼', 'gulou'], ['锦绣', 'jinxiu'], ['金桥', 'jinqiao'], ['丰收', 'fengshou'],
  ['梧桐', 'wutong'], ['翠苑', 'cuiyuan'], ['龙湖', 'longhu'], ['青年', 'qingnian'], ['学府', 'xuefu'], ['春晖', 'chunhui'],
  ['康宁', 'kangning'], ['玉泉', 'yuquan'], ['望江', 'wangjiang'], ['惠民', 'huimin'],
];

export const STREETS = ['人民路', '建设路', '解放路', '滨河路', '文化路', '新华街', '府前街', '朝阳路', '中山路', '和平路', '迎宾大道', '育才路', '兴业路', '长青路'];

export const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '潘', '袁', '蔡', '蒋', '余',
  '于', '杜', '叶', '程', '魏', '苏', '吕', '丁', '任', '卢', '姚', '沈', '钟', '姜', '崔', '谭', '陆', '范', '汪', '廖',
];
