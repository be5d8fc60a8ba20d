/**
 * GB/T 2260 administrative divisions of the Guangxi Zhuang Autonomous Region: its 14 cities
 * (设区市) and their county-level divisions (市辖区、县、自治县、县级市), as currently in force.
 */
export interface CountyDivision {
  readonly code: string;
  readonly nameZh: string;
}

export interface CityDivision {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly counties: readonly CountyDivision[];
}

const c = (code: string, nameZh: string): CountyDivision => ({ code, nameZh });

export const GUANGXI_CITIES: readonly CityDivision[] = [
  {
    code: '450100',
    nameZh: '南宁市',
    nameEn: 'Nanning',
    counties: [
      c('450102', '兴宁区'),
      c('450103', '青秀区'),
      c('450105', '江南区'),
      c('450107', '西乡塘区'),
      c('450108', '良庆区'),
      c('450109', '邕宁区'),
      c('450110', '武鸣区'),
      c('450123', '隆安县'),
      c('450124', '马山县'),
      c('450125', '上林县'),
      c('450126', '宾阳县'),
      c('450181', '横州市'),
    ],
  },
  {
    code: '450200',
    nameZh: '柳州市',
    nameEn: 'Liuzhou',
    counties: [
      c('450202', '城中区'),
      c('450203', '鱼峰区'),
      c('450204', '柳南区'),
      c('450205', '柳北区'),
      c('450206', '柳江区'),
      c('450222', '柳城县'),
      c('450223', '鹿寨县'),
      c('450224', '融安县'),
      c('450225', '融水苗族自治县'),
      c('450226', '三江侗族自治县'),
    ],
  },
  {
    code: '450300',
    nameZh: '桂林市',
    nameEn: 'Guilin',
    counties: [
      c('450302', '秀峰区'),
      c('450303', '叠彩区'),
      c('450304', '象山区'),
      c('450305', '七星区'),
      c('450311', '雁山区'),
      c('450312', '临桂区'),
      c('450321', '阳朔县'),
      c('450323', '灵川县'),
      c('450324', '全州县'),
      c('450325', '兴安县'),
      c('450326', '永福县'),
      c('450327', '灌阳县'),
      c('450328', '龙胜各族自治县'),
      c('450329', '资源县'),
      c('450330', '平乐县'),
      c('450332', '恭城瑶族自治县'),
      c('450381', '荔浦市'),
    ],
  },
  {
    code: '450400',
    nameZh: '梧州市',
    nameEn: 'Wuzhou',
    counties: [
      c('450403', '万秀区'),
      c('450405', '长洲区'),
      c('450406', '龙圩区'),
      c('450421', '苍梧县'),
      c('450422', '藤县'),
      c('450423', '蒙山县'),
      c('450481', '岑溪市'),
    ],
  },
  {
    code: '450500',
    nameZh: '北海市',
    nameEn: 'Beihai',
    counties: [
      c('450502', '海城区'),
      c('450503', '银海区'),
      c('450512', '铁山港区'),
      c('450521', '合浦县'),
    ],
  },
  {
    code: '450600',
    nameZh: '防城港市',
    nameEn: 'Fangchenggang',
    counties: [
      c('450602', '港口区'),
      c('450603', '防城区'),
      c('450621', '上思县'),
      c('450681', '东兴市'),
    ],
  },
  {
    code: '450700',
    nameZh: '钦州市',
    nameEn: 'Qinzhou',
    counties: [
      c('450702', '钦南区'),
      c('450703', '钦北区'),
      c('450721', '灵山县'),
      c('450722', '浦北县'),
    ],
  },
  {
    code: '450800',
    nameZh: '贵港市',
    nameEn: 'Guigang',
    counties: [
      c('450802', '港北区'),
      c('450803', '港南区'),
      c('450804', '覃塘区'),
      c('450821', '平南县'),
      c('450881', '桂平市'),
    ],
  },
  {
    code: '450900',
    nameZh: '玉林市',
    nameEn: 'Yulin',
    counties: [
      c('450902', '玉州区'),
      c('450903', '福绵区'),
      c('450921', '容县'),
      c('450922', '陆川县'),
      c('450923', '博白县'),
      c('450924', '兴业县'),
      c('450981', '北流市'),
    ],
  },
  {
    code: '451000',
    nameZh: '百色市',
    nameEn: 'Baise',
    counties: [
      c('451002', '右江区'),
      c('451003', '田阳区'),
      c('451022', '田东县'),
      c('451024', '德保县'),
      c('451026', '那坡县'),
      c('451027', '凌云县'),
      c('451028', '乐业县'),
      c('451029', '田林县'),
      c('451030', '西林县'),
      c('451031', '隆林各族自治县'),
      c('451081', '靖西市'),
      c('451082', '平果市'),
    ],
  },
  {
    code: '451100',
    nameZh: '贺州市',
    nameEn: 'Hezhou',
    counties: [
      c('451102', '八步区'),
      c('451103', '平桂区'),
      c('451121', '昭平县'),
      c('451122', '钟山县'),
      c('451123', '富川瑶族自治县'),
    ],
  },
  {
    code: '451200',
    nameZh: '河池市',
    nameEn: 'Hechi',
    counties: [
      c('451202', '金城江区'),
      c('451203', '宜州区'),
      c('451221', '南丹县'),
      c('451222', '天峨县'),
      c('451223', '凤山县'),
      c('451224', '东兰县'),
      c('451225', '罗城仫佬族自治县'),
      c('451226', '环江毛南族自治县'),
      c('451227', '巴马瑶族自治县'),
      c('451228', '都安瑶族自治县'),
      c('451229', '大化瑶族自治县'),
    ],
  },
  {
    code: '451300',
    nameZh: '来宾市',
    nameEn: 'Laibin',
    counties: [
      c('451302', '兴宾区'),
      c('451321', '忻城县'),
      c('451322', '象州县'),
      c('451323', '武宣县'),
      c('451324', '金秀瑶族自治县'),
      c('451381', '合山市'),
    ],
  },
  {
    code: '451400',
    nameZh: '崇左市',
    nameEn: 'Chongzuo',
    counties: [
      c('451402', '江州区'),
      c('451421', '扶绥县'),
      c('451422', '宁明县'),
      c('451423', '龙州县'),
      c('451424', '大新县'),
      c('451425', '天等县'),
      c('451481', '凭祥市'),
    ],
  },
];

const COUNTY_CODES = new Set(
  GUANGXI_CITIES.flatMap((city) => city.counties.map((county) => county.code)),
);

export function isGuangxiCounty(code: string): boolean {
  return COUNTY_CODES.has(code);
}

export function cityOf(countyCode: string): CityDivision | undefined {
  return GUANGXI_CITIES.find((city) => city.counties.some((county) => county.code === countyCode));
}
