/**
 * Localities with the real structure of each country's postcodes and phone area codes.
 * Facts from public sources (USPS ZIP prefix assignments, NANP area codes; Australia Post postcode
 * ranges and ACMA area codes; Royal Mail postcode areas and Ofcom dialling codes; China Post
 * postcodes and GB/T 2260 region codes). Weights are rough population shares, to make big cities
 * common and small ones rare.
 */

/** [city, state, ZIP3 prefixes, area codes (first is primary, others overlays), weight]. */
// prettier-ignore
export const US_PLACES: readonly (readonly [string, string, readonly string[], readonly string[], number])[] = [
  ['New York', 'NY', ['100', '101', '102'], ['212', '646', '917'], 84], ['Brooklyn', 'NY', ['112'], ['718', '347', '929'], 26],
  ['Los Angeles', 'CA', ['900', '901'], ['213', '323', '310'], 39], ['Chicago', 'IL', ['606'], ['312', '773', '872'], 27],
  ['Houston', 'TX', ['770'], ['713', '281', '832'], 23], ['Phoenix', 'AZ', ['850'], ['602', '480'], 16],
  ['Philadelphia', 'PA', ['191'], ['215', '267'], 16], ['San Antonio', 'TX', ['782'], ['210'], 15],
  ['San Diego', 'CA', ['921'], ['619', '858'], 14], ['Dallas', 'TX', ['752'], ['214', '469', '972'], 13],
  ['Austin', 'TX', ['787'], ['512', '737'], 10], ['Jacksonville', 'FL', ['322'], ['904'], 9],
  ['Columbus', 'OH', ['432'], ['614', '380'], 9], ['Charlotte', 'NC', ['282'], ['704', '980'], 9],
  ['Indianapolis', 'IN', ['462'], ['317'], 9], ['Seattle', 'WA', ['981'], ['206'], 7], ['Denver', 'CO', ['802'], ['303', '720'], 7],
  ['Boston', 'MA', ['021', '022'], ['617', '857'], 7], ['Nashville', 'TN', ['372'], ['615', '629'], 7],
  ['Detroit', 'MI', ['482'], ['313'], 6], ['Portland', 'OR', ['972'], ['503', '971'], 6], ['Las Vegas', 'NV', ['891'], ['702', '725'], 6],
  ['Memphis', 'TN', ['381'], ['901'], 6], ['Louisville', 'KY', ['402'], ['502'], 6], ['Baltimore', 'MD', ['212'], ['410', '443'], 6],
  ['Milwaukee', 'WI', ['532'], ['414'], 6], ['Albuquerque', 'NM', ['871'], ['505'], 5], ['Tucson', 'AZ', ['857'], ['520'], 5],
  ['Atlanta', 'GA', ['303'], ['404', '678', '470'], 5], ['Miami', 'FL', ['331'], ['305', '786'], 4],
  ['Minneapolis', 'MN', ['554'], ['612'], 4], ['Cleveland', 'OH', ['441'], ['216'], 4], ['New Orleans', 'LA', ['701'], ['504'], 4],
  ['Honolulu', 'HI', ['968'], ['808'], 3], ['Anchorage', 'AK', ['995'], ['907'], 3], ['Salt Lake City', 'UT', ['841'], ['801', '385'], 2],
  ['Kansas City', 'MO', ['641'], ['816'], 5], ['Omaha', 'NE', ['681'], ['402', '531'], 5], ['Oklahoma City', 'OK', ['731'], ['405'], 7],
  ['Richmond', 'VA', ['232'], ['804'], 2], ['Birmingham', 'AL', ['352'], ['205'], 2], ['Des Moines', 'IA', ['503'], ['515'], 2],
  ['Boise', 'ID', ['837'], ['208', '986'], 2], ['Hartford', 'CT', ['061'], ['860', '959'], 1], ['Providence', 'RI', ['029'], ['401'], 2],
  ['Burlington', 'VT', ['054'], ['802'], 1], ['Portland', 'ME', ['041'], ['207'], 1], ['Manchester', 'NH', ['031'], ['603'], 1],
  ['Newark', 'NJ', ['071'], ['973', '862'], 3], ['Wilmington', 'DE', ['198'], ['302'], 1], ['Charleston', 'WV', ['253'], ['304', '681'], 1],
  ['Columbia', 'SC', ['292'], ['803', '839'], 1], ['Little Rock', 'AR', ['722'], ['501'], 2], ['Jackson', 'MS', ['392'], ['601', '769'], 2],
  ['Sioux Falls', 'SD', ['571'], ['605'], 2], ['Fargo', 'ND', ['581'], ['701'], 1], ['Billings', 'MT', ['591'], ['406'], 1],
  ['Cheyenne', 'WY', ['820'], ['307'], 1], ['Washington', 'DC', ['200'], ['202', '771'], 7],
];

/** [suburb, state, postcode, weight]. Postcodes sit inside each state's range (NSW 2xxx, VIC 3xxx …, NT 08xx). */
// prettier-ignore
export const AU_PLACES: readonly (readonly [string, string, string, number])[] = [
  ['Sydney', 'NSW', '2000', 10], ['Parramatta', 'NSW', '2150', 6], ['Bondi', 'NSW', '2026', 3], ['Chatswood', 'NSW', '2067', 3],
  ['Newcastle', 'NSW', '2300', 4], ['Wollongong', 'NSW', '2500', 4], ['Penrith', 'NSW', '2750', 3], ['Liverpool', 'NSW', '2170', 4],
  ['Blacktown', 'NSW', '2148', 4], ['Manly', 'NSW', '2095', 2], ['Dubbo', 'NSW', '2830', 1], ['Wagga Wagga', 'NSW', '2650', 1],
  ['Melbourne', 'VIC', '3000', 9], ['Richmond', 'VIC', '3121', 3], ['St Kilda', 'VIC', '3182', 3], ['Geelong', 'VIC', '3220', 3],
  ['Ballarat', 'VIC', '3350', 2], ['Bendigo', 'VIC', '3550', 2], ['Frankston', 'VIC', '3199', 3], ['Box Hill', 'VIC', '3128', 3],
  ['Footscray', 'VIC', '3011', 3], ['Dandenong', 'VIC', '3175', 3], ['Brisbane', 'QLD', '4000', 7], ['Fortitude Valley', 'QLD', '4006', 2],
  ['Southport', 'QLD', '4215', 3], ['Cairns', 'QLD', '4870', 2], ['Townsville', 'QLD', '4810', 2], ['Toowoomba', 'QLD', '4350', 2],
  ['Ipswich', 'QLD', '4305', 2], ['Adelaide', 'SA', '5000', 5], ['Glenelg', 'SA', '5045', 1], ['Mount Gambier', 'SA', '5290', 1],
  ['Elizabeth', 'SA', '5112', 1], ['Perth', 'WA', '6000', 6], ['Fremantle', 'WA', '6160', 2], ['Joondalup', 'WA', '6027', 2],
  ['Bunbury', 'WA', '6230', 1], ['Hobart', 'TAS', '7000', 2], ['Launceston', 'TAS', '7250', 1], ['Darwin', 'NT', '0800', 1],
  ['Alice Springs', 'NT', '0870', 1], ['Canberra', 'ACT', '2600', 2], ['Belconnen', 'ACT', '2617', 1],
];

/** AU geographic area code (trunk prefix 0 + one digit) by state. */
export const AU_AREA_CODE: Readonly<Record<string, string>> = {
  NSW: '2',
  ACT: '2',
  VIC: '3',
  TAS: '3',
  QLD: '7',
  SA: '8',
  WA: '8',
  NT: '8',
};

/** [post town, county/nation, postcode area, lowest district, highest district, dialling code without 0, weight]. */
// prettier-ignore
export const UK_PLACES: readonly (readonly [string, string, string, number, number, string, number])[] = [
  ['London', 'Greater London', 'E', 1, 18, '20', 6], ['London', 'Greater London', 'N', 1, 22, '20', 6],
  ['London', 'Greater London', 'SE', 1, 28, '20', 7], ['London', 'Greater London', 'SW', 2, 20, '20', 7],
  ['London', 'Greater London', 'NW', 1, 11, '20', 4], ['London', 'Greater London', 'W', 2, 14, '20', 4],
  ['Manchester', 'Greater Manchester', 'M', 1, 40, '161', 6], ['Birmingham', 'West Midlands', 'B', 1, 99, '121', 7],
  ['Leeds', 'West Yorkshire', 'LS', 1, 29, '113', 5], ['Glasgow', 'Scotland', 'G', 1, 84, '141', 5],
  ['Edinburgh', 'Scotland', 'EH', 1, 55, '131', 4], ['Liverpool', 'Merseyside', 'L', 1, 40, '151', 4],
  ['Bristol', 'Bristol', 'BS', 1, 49, '117', 4], ['Sheffield', 'South Yorkshire', 'S', 1, 99, '114', 4],
  ['Cardiff', 'Wales', 'CF', 3, 24, '29', 3], ['Nottingham', 'Nottinghamshire', 'NG', 1, 25, '115', 3],
  ['Leicester', 'Leicestershire', 'LE', 1, 19, '116', 3], ['Newcastle upon Tyne', 'Tyne and Wear', 'NE', 1, 15, '191', 3],
  ['Belfast', 'Northern Ireland', 'BT', 1, 17, '28', 3], ['Oxford', 'Oxfordshire', 'OX', 1, 4, '1865', 1],
  ['Cambridge', 'Cambridgeshire', 'CB', 1, 5, '1223', 1], ['Brighton', 'East Sussex', 'BN', 1, 3, '1273', 2],
  ['Southampton', 'Hampshire', 'SO', 14, 19, '23', 2], ['York', 'North Yorkshire', 'YO', 1, 32, '1904', 1],
  ['Norwich', 'Norfolk', 'NR', 1, 14, '1603', 1], ['Aberdeen', 'Scotland', 'AB', 10, 25, '1224', 1],
  ['Plymouth', 'Devon', 'PL', 1, 9, '1752', 1], ['Swansea', 'Wales', 'SA', 1, 9, '1792', 1],
];

/** [city, city pinyin, province, province pinyin, postcode prefix, area code, GB/T 2260 prefix, districts]. */
// prettier-ignore
export const CN_PLACES: readonly (readonly [string, string, string, string, string, string, string, readonly string[], number])[] = [
  ['北京市', 'Beijing', '北京市', 'Beijing', '100', '10', '1101', ['朝阳区', '海淀区', '东城区', '西城区', '丰台区'], 10],
  ['上海市', 'Shanghai', '上海市', 'Shanghai', '200', '21', '3101', ['浦东新区', '徐汇区', '静安区', '黄浦区', '闵行区'], 12],
  ['广州市', 'Guangzhou', '广东省', 'Guangdong', '510', '20', '4401', ['天河区', '越秀区', '海珠区', '白云区'], 9],
  ['深圳市', 'Shenzhen', '广东省', 'Guangdong', '518', '755', '4403', ['福田区', '南山区', '罗湖区', '宝安区'], 9],
  ['成都市', 'Chengdu', '四川省', 'Sichuan', '610', '28', '5101', ['锦江区', '武侯区', '青羊区', '成华区'], 8],
  ['杭州市', 'Hangzhou', '浙江省', 'Zhejiang', '310', '571', '3301', ['西湖区', '上城区', '拱墅区', '滨江区'], 6],
  ['武汉市', 'Wuhan', '湖北省', 'Hubei', '430', '27', '4201', ['武昌区', '江汉区', '洪山区', '汉阳区'], 6],
  ['南京市', 'Nanjing', '江苏省', 'Jiangsu', '210', '25', '3201', ['玄武区', '鼓楼区', '秦淮区', '建邺区'], 5],
  ['西安市', "Xi'an", '陕西省', 'Shaanxi', '710', '29', '6101', ['雁塔区', '碑林区', '莲湖区', '新城区'], 6],
  ['重庆市', 'Chongqing', '重庆市', 'Chongqing', '400', '23', '5001', ['渝中区', '江北区', '南岸区', '沙坪坝区'], 9],
  ['天津市', 'Tianjin', '天津市', 'Tianjin', '300', '22', '1201', ['和平区', '河西区', '南开区', '河东区'], 7],
  ['苏州市', 'Suzhou', '江苏省', 'Jiangsu', '215', '512', '3205', ['姑苏区', '吴中区', '相城区'], 5],
  ['长沙市', 'Changsha', '湖南省', 'Hunan', '410', '731', '4301', ['岳麓区', '芙蓉区', '天心区', '开福区'], 4],
  ['沈阳市', 'Shenyang', '辽宁省', 'Liaoning', '110', '24', '2101', ['和平区', '沈河区', '皇姑区', '铁西区'], 4],
  ['青岛市', 'Qingdao', '山东省', 'Shandong', '266', '532', '3702', ['市南区', '市北区', '李沧区', '崂山区'], 4],
  ['郑州市', 'Zhengzhou', '河南省', 'Henan', '450', '371', '4101', ['金水区', '中原区', '二七区', '管城回族区'], 5],
  ['昆明市', 'Kunming', '云南省', 'Yunnan', '650', '871', '5301', ['五华区', '盘龙区', '官渡区', '西山区'], 4],
  ['哈尔滨市', 'Harbin', '黑龙江省', 'Heilongjiang', '150', '451', '2301', ['道里区', '南岗区', '道外区', '香坊区'], 4],
];

/** Street names (English locales share a pool; each locale adds its own flavour). */
export const EN_STREETS = `Main High Church Station Park Victoria King Queen George Oak Maple Cedar Elm Pine Birch Willow
Washington Lincoln Jefferson Franklin Lake Hill River Mill Bridge School Market North South East West Spring Chapel
Albert Elizabeth William Pitt Collins Bourke Flinders Swanston Hunter Macquarie Oxford York Windsor Cambridge Grove
Forest Meadow Sunset Highland Ridge Valley Green Rose Orchard Heath Manor Abbey Castle Wattle Banksia Jacaranda
Waratah Acacia Eucalyptus Riverside Beach Harbour Ocean Smith Wilson Taylor Stirling Darling Murray Sturt Hume`;

/** [full street type, standard abbreviation, weight]. */
// prettier-ignore
export const STREET_TYPES: readonly (readonly [string, string, number])[] = [
  ['Street', 'St', 40], ['Road', 'Rd', 20], ['Avenue', 'Ave', 12], ['Drive', 'Dr', 8], ['Lane', 'Ln', 4],
  ['Court', 'Ct', 3], ['Place', 'Pl', 3], ['Crescent', 'Cres', 3], ['Parade', 'Pde', 2], ['Terrace', 'Tce', 2],
  ['Boulevard', 'Blvd', 2], ['Close', 'Cl', 2], ['Highway', 'Hwy', 1], ['Way', 'Way', 3],
];

/** Chinese street names (common across cities); the house number follows with 号. */
export const CN_STREETS: readonly (readonly [string, string])[] = [
  ['人民路', 'Renmin Lu'],
  ['解放路', 'Jiefang Lu'],
  ['中山路', 'Zhongshan Lu'],
  ['建设路', 'Jianshe Lu'],
  ['和平路', 'Heping Lu'],
  ['长江路', 'Changjiang Lu'],
  ['南京路', 'Nanjing Lu'],
  ['建国路', 'Jianguo Lu'],
  ['新华路', 'Xinhua Lu'],
  ['胜利路', 'Shengli Lu'],
  ['文化路', 'Wenhua Lu'],
  ['朝阳路', 'Chaoyang Lu'],
  ['东风路', 'Dongfeng Lu'],
  ['友谊路', 'Youyi Lu'],
  ['青年路', 'Qingnian Lu'],
  ['学院路', 'Xueyuan Lu'],
];
