/**
 * Chinese family and given names in Hanzi with Hanyu Pinyin (tone marks dropped, as most records
 * write them). Family names in rank order from the 2020 national census surname ranking published
 * by the Ministry of Public Security (facts, not copyrightable); the head weights are the published
 * shares in percent, the tail a power-law fit. Given names are common ones across generations.
 */

/** [hanzi, pinyin, percent of population]. */
// prettier-ignore
export const CN_FAMILY: readonly (readonly [string, string, number])[] = [
  ['王', 'Wang', 7.1], ['李', 'Li', 7.0], ['张', 'Zhang', 6.7], ['刘', 'Liu', 5.4], ['陈', 'Chen', 4.5],
  ['杨', 'Yang', 3.1], ['黄', 'Huang', 2.1], ['赵', 'Zhao', 2.0], ['吴', 'Wu', 2.0], ['周', 'Zhou', 1.9],
  ['徐', 'Xu', 1.5], ['孙', 'Sun', 1.5], ['马', 'Ma', 1.5], ['朱', 'Zhu', 1.3], ['胡', 'Hu', 1.3],
  ['郭', 'Guo', 1.2], ['何', 'He', 1.2], ['林', 'Lin', 1.1], ['高', 'Gao', 1.1], ['罗', 'Luo', 1.0],
  ['郑', 'Zheng', 1.0], ['梁', 'Liang', 0.9], ['谢', 'Xie', 0.8], ['宋', 'Song', 0.8], ['唐', 'Tang', 0.8],
  ['许', 'Xu', 0.7], ['邓', 'Deng', 0.7], ['韩', 'Han', 0.7], ['冯', 'Feng', 0.7], ['曹', 'Cao', 0.7],
  ['彭', 'Peng', 0.6], ['曾', 'Zeng', 0.6], ['肖', 'Xiao', 0.6], ['田', 'Tian', 0.6], ['董', 'Dong', 0.5],
  ['潘', 'Pan', 0.5], ['袁', 'Yuan', 0.5], ['蔡', 'Cai', 0.5], ['蒋', 'Jiang', 0.5], ['余', 'Yu', 0.5],
  ['于', 'Yu', 0.5], ['杜', 'Du', 0.5], ['叶', 'Ye', 0.5], ['程', 'Cheng', 0.4], ['魏', 'Wei', 0.4],
  ['苏', 'Su', 0.4], ['吕', 'Lyu', 0.4], ['丁', 'Ding', 0.4], ['任', 'Ren', 0.4], ['卢', 'Lu', 0.4],
  ['姚', 'Yao', 0.4], ['沈', 'Shen', 0.4], ['钟', 'Zhong', 0.4], ['姜', 'Jiang', 0.3], ['崔', 'Cui', 0.3],
  ['谭', 'Tan', 0.3], ['陆', 'Lu', 0.3], ['范', 'Fan', 0.3], ['汪', 'Wang', 0.3], ['廖', 'Liao', 0.3],
  ['石', 'Shi', 0.3], ['金', 'Jin', 0.3], ['韦', 'Wei', 0.3], ['贾', 'Jia', 0.3], ['夏', 'Xia', 0.3],
  ['付', 'Fu', 0.3], ['方', 'Fang', 0.3], ['邹', 'Zou', 0.2], ['熊', 'Xiong', 0.2], ['白', 'Bai', 0.2],
  ['孟', 'Meng', 0.2], ['秦', 'Qin', 0.2], ['邱', 'Qiu', 0.2], ['侯', 'Hou', 0.2], ['江', 'Jiang', 0.2],
  ['尹', 'Yin', 0.2], ['薛', 'Xue', 0.2], ['闫', 'Yan', 0.2], ['段', 'Duan', 0.2], ['雷', 'Lei', 0.2],
  ['龙', 'Long', 0.2], ['黎', 'Li', 0.2], ['史', 'Shi', 0.2], ['陶', 'Tao', 0.2], ['贺', 'He', 0.2],
  ['毛', 'Mao', 0.2], ['郝', 'Hao', 0.15], ['顾', 'Gu', 0.15], ['龚', 'Gong', 0.15], ['邵', 'Shao', 0.15],
  ['万', 'Wan', 0.15], ['钱', 'Qian', 0.15], ['戴', 'Dai', 0.15], ['严', 'Yan', 0.15], ['欧阳', 'Ouyang', 0.05],
  ['司马', 'Sima', 0.01],
];

/** Given names: [hanzi, pinyin as one word]. Two-syllable names dominate among people born after 1970. */
// prettier-ignore
export const CN_GIVEN_M: readonly (readonly [string, string])[] = [
  ['伟', 'Wei'], ['强', 'Qiang'], ['磊', 'Lei'], ['军', 'Jun'], ['洋', 'Yang'], ['勇', 'Yong'], ['杰', 'Jie'],
  ['涛', 'Tao'], ['明', 'Ming'], ['超', 'Chao'], ['刚', 'Gang'], ['平', 'Ping'], ['辉', 'Hui'], ['鹏', 'Peng'],
  ['斌', 'Bin'], ['浩', 'Hao'], ['宇', 'Yu'], ['博', 'Bo'], ['凯', 'Kai'], ['鑫', 'Xin'], ['波', 'Bo'],
  ['亮', 'Liang'], ['俊', 'Jun'], ['东', 'Dong'], ['建华', 'Jianhua'], ['建国', 'Jianguo'], ['建军', 'Jianjun'],
  ['志强', 'Zhiqiang'], ['国强', 'Guoqiang'], ['海涛', 'Haitao'], ['晓明', 'Xiaoming'], ['浩然', 'Haoran'],
  ['宇轩', 'Yuxuan'], ['子轩', 'Zixuan'], ['思远', 'Siyuan'], ['俊杰', 'Junjie'], ['文博', 'Wenbo'],
  ['家豪', 'Jiahao'], ['天佑', 'Tianyou'], ['志明', 'Zhiming'], ['永康', 'Yongkang'], ['德华', 'Dehua'],
];

// prettier-ignore
export const CN_GIVEN_F: readonly (readonly [string, string])[] = [
  ['芳', 'Fang'], ['娜', 'Na'], ['敏', 'Min'], ['静', 'Jing'], ['丽', 'Li'], ['艳', 'Yan'], ['娟', 'Juan'],
  ['霞', 'Xia'], ['红', 'Hong'], ['玲', 'Ling'], ['婷', 'Ting'], ['雪', 'Xue'], ['丹', 'Dan'], ['颖', 'Ying'],
  ['慧', 'Hui'], ['琳', 'Lin'], ['萍', 'Ping'], ['梅', 'Mei'], ['倩', 'Qian'], ['燕', 'Yan'], ['秀英', 'Xiuying'],
  ['秀兰', 'Xiulan'], ['桂英', 'Guiying'], ['玉兰', 'Yulan'], ['欣怡', 'Xinyi'], ['子涵', 'Zihan'], ['梓涵', 'Zihan'],
  ['一诺', 'Yinuo'], ['小红', 'Xiaohong'], ['海燕', 'Haiyan'], ['雨涵', 'Yuhan'], ['诗琪', 'Shiqi'], ['佳怡', 'Jiayi'],
  ['美玲', 'Meiling'], ['淑芬', 'Shufen'], ['晓燕', 'Xiaoyan'], ['丽华', 'Lihua'], ['嘉欣', 'Jiaxin'],
];

/**
 * Non-Mandarin romanisations still common in overseas records (Cantonese, Hokkien, Wade–Giles):
 * the same family, spelt differently. Used by the `translit` corruption.
 */
// prettier-ignore
export const CN_FAMILY_VARIANTS: Readonly<Record<string, readonly string[]>> = {
  Wang: ['Wong', 'Ong'], Li: ['Lee', 'Lei'], Zhang: ['Chang', 'Cheung', 'Teo'], Liu: ['Lau', 'Lao'],
  Chen: ['Chan', 'Tan', 'Chin'], Yang: ['Yeung', 'Young'], Huang: ['Wong', 'Ng', 'Hwang'], Zhao: ['Chiu', 'Chao'],
  Wu: ['Ng', 'Woo', 'Goh'], Zhou: ['Chow', 'Chou'], Xu: ['Hsu', 'Tsui', 'Koh'], Sun: ['Suen', 'Soon'],
  Ma: ['Mah'], Zhu: ['Chu', 'Choo'], Hu: ['Woo', 'Hoo'], Guo: ['Kwok', 'Kuo'], He: ['Ho', 'Hoe'],
  Lin: ['Lam', 'Lim'], Gao: ['Ko', 'Kao'], Luo: ['Law', 'Lo'], Zheng: ['Cheng', 'Tay'], Liang: ['Leung', 'Neo'],
  Xie: ['Tse', 'Chia'], Song: ['Sung'], Tang: ['Tong'], Deng: ['Tang', 'Teng'], Cao: ['Tso', 'Chou'],
  Zeng: ['Tsang', 'Chan'], Cai: ['Choi', 'Tsai', 'Chua'], Jiang: ['Chiang', 'Keung'], Ye: ['Yip', 'Yeh'],
  Su: ['So', 'Soh'], Lu: ['Lo', 'Loh'], Zhong: ['Chung'], Qiu: ['Yau', 'Chiu'], Jin: ['Kam', 'Chin'],
};
